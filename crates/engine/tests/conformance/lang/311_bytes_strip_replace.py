# strip/lstrip/rstrip (whitespace or a set of bytes) and replace (count, empty old)
b = b"  \t-hi there-\n "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" \t\n-"), b"xxhixx".strip(b"x"))
print(b"a-b-c".replace(b"-", b"+"), b"a-b-c".replace(b"-", b"", 1), b"abc".replace(b"", b"."), b"".replace(b"", b"x"))
print(b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"-", 2))
try:
    b"abc".replace("a", "b")
except TypeError as e:
    print("TypeError:", e)
