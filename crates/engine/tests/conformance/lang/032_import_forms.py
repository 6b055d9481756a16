# import x, import x as y, from x import y.
import math
import random as rnd
from math import sqrt, pi as PI
from time import monotonic

print(math.floor(2.7), sqrt(16), round(PI, 5))
print(type(rnd.random()).__name__)
print(monotonic())
import math as m2
print(m2 is math)
try:
    import no_such_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__, "for math.nope")
