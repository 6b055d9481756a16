# repr() of functools.partial objects (functions, builtins, keywords)
from functools import partial
def f(a, b, c=0):
    return a + b + c
print(repr(partial(f, 1)))
print(partial(max, 1, 2))
print(partial(int, base=16))
print(partial(sorted, [3, 1], reverse=True))
class Mine(partial):
    pass
print(Mine(max, 5))
