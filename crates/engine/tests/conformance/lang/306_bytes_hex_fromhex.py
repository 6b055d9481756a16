# bytes.hex with separators and bytes.fromhex with whitespace, and their errors
b = bytes(range(250, 256)) + b"\x00\x01"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex("_", -3), b.hex(b" ", 4))
print(bytes.fromhex("de ad  BE ef"), bytes.fromhex(""), bytearray.fromhex("00ff"))
for bad in ["abc", "zz", "a b", "0g"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    b"ab".hex("::")
except ValueError as e:
    print("ValueError:", e)
