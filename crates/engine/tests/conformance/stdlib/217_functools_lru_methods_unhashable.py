# lru_cache on unhashable arguments raises TypeError; on a method the instance is part of the key
from functools import lru_cache
@lru_cache
def total(xs):
    return sum(xs)
print(total((1, 2, 3)))
try:
    total([1, 2, 3])
except TypeError as e:
    print("TypeError", e)
class Calc:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=None)
    def times(self, x):
        return self.k * x
a, b = Calc(2), Calc(3)
print(a.times(5), b.times(5), a.times(5), Calc.times.cache_info())
