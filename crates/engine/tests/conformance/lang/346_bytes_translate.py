# bytes.maketrans and translate (with a delete set, and a None table)
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], b"aabbcc-abc".translate(table))
print(b"hello world".translate(None, b"lo"), b"hello".translate(table, b"h"), bytearray(b"cab").translate(table))
try:
    bytes.maketrans(b"ab", b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    b"x".translate(b"short")
except ValueError as e:
    print("ValueError:", e)
