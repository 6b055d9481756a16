# bytes(n), bytes(iterable), bytes(str, encoding), bytes(bytes-like) and their errors
print(bytes(), bytes(3), bytes([72, 105]), bytes(range(3)), bytes((x * 2 for x in b"012")), bytes("é", "utf-8"))
print(bytes(bytearray(b"ba")), bytes(b"same"), bytes("hi", encoding="ascii"), bytes(True))
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()))
for args in [("text",), (-1,), ([256],), ([1, "a"],), (1.5,), (b"x", "utf-8"), ("é", "ascii")]:
    try:
        print(bytes(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)
