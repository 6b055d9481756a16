# An LRU cache built on OrderedDict.
from collections import OrderedDict
cache = OrderedDict()
def get(k):
    if k in cache:
        cache.move_to_end(k)
        return cache[k]
    cache[k] = k * k
    if len(cache) > 3:
        print("evict", cache.popitem(last=False))
    return cache[k]
for k in [1, 2, 3, 1, 4, 5]:
    get(k)
print(cache)
