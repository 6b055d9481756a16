# functools.partial: frozen positional and keyword arguments, overriding keywords, attributes
from functools import partial
def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
square = partial(power, exp=2)
print(square(7), square(3, exp=3), square(9, mod=5))
p = partial(power, 2, mod=1000)
print(p(10), p.func is power, p.args, p.keywords)
pp = partial(p, 5)
print(pp(), pp.args, pp.keywords, pp.func is power)
basetwo = partial(int, base=2)
print(basetwo("10010"))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)
