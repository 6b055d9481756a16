# OrderedDicts compare order-sensitively with each other, not with dicts; errors on empty/missing.
from collections import OrderedDict
a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a == {"y": 2, "x": 1}, dict(a) == dict(b))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    a.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
