# filterfalse keeps items where the predicate is false; compress keeps items whose selector is true.
from itertools import filterfalse, compress
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "x", None])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
