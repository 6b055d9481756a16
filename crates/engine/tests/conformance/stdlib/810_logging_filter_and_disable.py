# A Filter on a handler drops records; logging.disable silences levels at and below it.
import io
import logging
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.addFilter(lambda r: "secret" not in r.getMessage())
lg = logging.getLogger("f")
lg.addHandler(h)
lg.propagate = False
lg.warning("public")
lg.warning("secret stuff")
logging.disable(logging.WARNING)
lg.warning("disabled")
lg.error("error passes")
logging.disable(logging.NOTSET)
print(repr(buf.getvalue()))
