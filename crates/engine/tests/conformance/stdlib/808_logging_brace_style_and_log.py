# style="{" formats, logging.log with a numeric level, and a custom level name.
import logging
logging.basicConfig(format="{levelname}/{name}: {message}", style="{", level=logging.DEBUG)
logging.log(logging.INFO, "via log()")
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom level")
logging.getLogger("a.b").info("dotted %s", "name")
