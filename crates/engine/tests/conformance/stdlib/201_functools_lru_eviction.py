# lru_cache(maxsize=2): the least recently used entry is evicted; a hit makes an entry recent
from functools import lru_cache
calls = []
@lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x
for x in [1, 2, 1, 3, 2, 1, 1]:
    square(x)
print(calls, square.cache_info())
print(square.cache_parameters())
