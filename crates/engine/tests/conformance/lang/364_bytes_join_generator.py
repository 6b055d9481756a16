# bytes.join accepts any iterable of bytes-like objects, such as a generator
print(b"-".join(str(i).encode() for i in range(4)))
print(b", ".join(map(bytes, [[104, 105], [111, 107]])), bytearray(b"+").join([b"a", bytearray(b"b")]))
try:
    b"".join([b"a", 1])
except TypeError as e:
    print("TypeError:", e)
