# basicConfig sets the level and the format; later basicConfig calls do nothing.
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s - %(name)s - %(message)s")
logging.debug("debug shown")
logging.info("info %d", 42)
logging.basicConfig(level=logging.ERROR, format="ignored %(message)s")
logging.warning("still the first format")
