# a relative import in a program (which is not in a package) raises ImportError when it runs
print("before")
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .pkg.mod import name
except ImportError as e:
    print(type(e).__name__, e)
from .. import x
