# iterating bytes yields ints; list(), sum(), enumerate() and unpacking see ints
b = b"Hi!"
for x in b:
    print(x, chr(x))
print(list(b), sum(b), list(enumerate(b"ab")), [x + 1 for x in b"\x00\x01"])
a, c, d = b
print(a, c, d, list(reversed(b)), bytes(reversed(b)))
