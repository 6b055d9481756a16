# bytes compare bytewise, lexicographically; equal to a bytearray with the same bytes
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"" < b"\x00", b"\xff" > b"\x7f")
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), b"abc" != "abc", b"a" == 97)
print(sorted([b"pear", b"apple", b"Zebra", b"\x00"]))
print(max(b"xyz", b"xz"), min([bytearray(b"b"), b"a"]))
try:
    b"a" < "a"
except TypeError as e:
    print("TypeError:", e)
