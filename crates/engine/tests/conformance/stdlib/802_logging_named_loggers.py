# getLogger returns one logger per name; child loggers propagate to the root's handler.
import logging
logging.basicConfig(level=logging.INFO, format="%(name)s:%(levelname)s:%(message)s")
log = logging.getLogger("app")
db = logging.getLogger("app.db")
print(log is logging.getLogger("app"), db.parent is log, log.parent is logging.getLogger())
log.info("starting")
db.warning("slow query")
db.debug("not shown")
print(repr(log), repr(db), repr(logging.getLogger()))
