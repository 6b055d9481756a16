# bytes are hashable (dict keys, set members, equal to nothing of another type); bytearray is not
d = {b"a": 1, b"b": 2}
d[b"a"] += 10
print(d, b"b" in d, d.get(bytes([98])), {b"x", b"x", b"y"} == {b"y", b"x"})
print(hash(b"abc") == hash(bytes(b"abc")), b"1" == 1, b"a" in {"a": 1})
try:
    {bytearray(b"k"): 1}
except TypeError as e:
    print("TypeError:", e)
