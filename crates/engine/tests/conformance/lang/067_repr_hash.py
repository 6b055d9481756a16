# repr of builtins and hash of hashable values (PYTHONHASHSEED=0).
print(repr("it's"), repr(1.0), repr([1, "a"]), repr((1,)), repr({"a": None}))
print(hash(1), hash(-1), hash(0), hash(True), hash(2 ** 40))
print(hash(1.0) == hash(1), hash(1.5))
print(hash("abc"), hash(""), hash(("a", 1)))
print(hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
