# operator functions as arguments to functools.reduce, map, sorted and itertools.accumulate-style loops
import operator
from functools import reduce
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(reduce(operator.mul, nums), reduce(operator.or_, nums), reduce(operator.xor, nums))
print(list(map(operator.pow, [2, 3, 4], [3, 2, 1])), list(map(operator.neg, nums[:3])))
pairs = {"b": 2, "a": 3, "c": 1}
print(sorted(pairs.items(), key=operator.itemgetter(1)), max(pairs.items(), key=operator.itemgetter(1)))
