# Functions, classes and modules are not copied: copy and deepcopy return them as they are
import copy
import math
def f():
    pass
class C:
    pass
for obj in (f, C, len, range(3), b"x", 2.5, True):
    print(copy.copy(obj) is obj, copy.deepcopy(obj) is obj)
print(copy.Error.__name__, issubclass(copy.Error, Exception))
for obj in (math, (x for x in [1])):
    try:
        copy.copy(obj)
    except TypeError as e:
        print("TypeError", e)
