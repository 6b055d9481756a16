# bytearray() from a size, an iterable of ints, a generator, a str with an encoding, and its errors
print(bytearray(), bytearray(4), bytearray(range(65, 68)), bytearray(x for x in b"hi"), bytearray("ü", "utf-8"))
print(bytearray(b"copy") == b"copy", bytearray(bytearray(b"x")), bytearray([0, 255]))
for args in [("text",), (-2,), ([300],), (["a"],), (2.0,), ([1], "utf-8")]:
    try:
        print(bytearray(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)
