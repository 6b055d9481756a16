# Module-level logging calls configure the root logger: WARNING and up, "LEVEL:root:msg" on stderr.
import logging
logging.debug("hidden")
logging.info("hidden too")
logging.warning("disk almost full")
logging.error("failed: %s", "reason")
logging.critical("down")
print("stdout is separate")
