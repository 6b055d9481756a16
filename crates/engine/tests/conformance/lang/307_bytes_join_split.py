# bytes.join, split/rsplit with and without a separator, maxsplit
print(b", ".join([b"a", b"b", bytearray(b"c")]), b"".join([]))
print(b"  a b\tc\n d  ".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1))
print(b"a,b,c".rsplit(b",", 1), b"  x  y  ".rsplit(None, 1), b"".split(), b"".split(b","))
print(b"a1b1c".split(maxsplit=0, sep=b"1"), b"a\x0bb".split())
try:
    b",".join([b"a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    b"a,b".split(",")
except TypeError as e:
    print("TypeError:", e)
try:
    b"a".split(b"")
except ValueError as e:
    print("ValueError:", e)
