# bytes and bytearray compare with each other by content, in every direction
a, b = b"abc", bytearray(b"abd")
print(a < b, b > a, a == bytearray(a), bytearray(a) == a, a != b, sorted([b, a]), a <= bytearray(b"abc"))
print(max([bytearray(b"z"), b"y"]), bytearray(b"") < b"\x00", b"ab" in [bytearray(b"ab")])
