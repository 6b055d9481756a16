# A WeakValueDictionary forgets entries whose values have died: a cache that does not keep objects alive.
import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
a = Image("a")
b = Image("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache), cache["a"].name, "b" in cache)
del b
print(sorted(cache.keys()), len(cache), "b" in cache, cache.get("b", "gone"))
try:
    cache["b"]
except KeyError as e:
    print("KeyError", e)
