# `in` on bytes: an int byte value or a sub-bytes
b = b"hello"
print(104 in b, 120 in b, b"ell" in b, b"" in b, b"lo!" in b, bytearray(b"he") in b)
for bad in ["h", 256, -1, 1.5]:
    try:
        print(bad in b)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
