# Level constants, getLevelName both ways, setLevel with a name, isEnabledFor, getEffectiveLevel.
import logging
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET)
print(logging.getLevelName(20), logging.getLevelName("ERROR"), logging.getLevelName(25))
lg = logging.getLogger("x")
print(lg.level, lg.getEffectiveLevel(), lg.isEnabledFor(logging.INFO))
lg.setLevel("DEBUG")
print(lg.level, lg.isEnabledFor(logging.DEBUG))
try:
    lg.setLevel("LOUD")
except ValueError as e:
    print(e)
