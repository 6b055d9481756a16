# A named logger with no handler anywhere prints only the message (the last-resort handler).
import logging
log = logging.getLogger("lonely")
log.info("not shown")
log.warning("only the message")
log.error("error %s", 1)
