# functools.reduce with and without an initial value, on lists and generators, and its error
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda acc, x: acc + [x * 2], (i for i in range(4)), []))
print(reduce(max, [5], 0), reduce(max, [], 7), reduce(operator.add, "abc"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)
