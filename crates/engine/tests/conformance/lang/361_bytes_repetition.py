# bytes and bytearray repeat with * on either side; zero or negative gives empty
print(b"ab" * 3, 3 * b"ab", b"ab" * 0, b"ab" * -2, bytearray(b"x") * 2, 2 * bytearray(b"yz"))
ba = bytearray(b"q")
ba *= 3
print(ba, b"-" * True)
try:
    b"a" * b"b"
except TypeError as e:
    print("TypeError:", e)
