# A StreamHandler with its own Formatter and level, writing to an io.StringIO.
import io
import logging
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setLevel(logging.INFO)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s"))
log = logging.getLogger("svc")
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.propagate = False
log.debug("below handler level")
log.info("hello")
log.error("bad %s=%r", "x", 3)
print(buf.getvalue(), end="")
print(log.hasHandlers(), len(log.handlers))
