# iter() over bytes yields ints through a bytes_iterator
it = iter(b"ab")
print(type(it).__name__, next(it), next(it), next(it, None))
print([hex(x) for x in b"\x00\x10\xff"], [chr(x) for x in bytearray(b"ok")])
