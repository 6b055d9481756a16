# product of several iterables, and with repeat=.
from itertools import product
print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product("ab", [])))
try:
    product("a", repeat=-1)
except ValueError as e:
    print(e)
