# bytearray's non-mutating methods return bytearrays; mixing with bytes follows the left operand
ba = bytearray(b"Hello, World")
print(ba.upper(), ba.split(b", "), ba.replace(b"l", b"L"), ba.strip(b"Hd"), ba.partition(b","))
print(ba + b"!", b"!" + ba, ba * 2, 2 * bytes(ba[:2]), type(b"x" + ba).__name__, type(ba + b"x").__name__)
print(ba.decode(), ba.hex(), ba.find(b"o"), ba.count(108), ba.startswith(b"Hell"), b"o" in ba, 72 in ba)
print(bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"x") == b"x", list(bytearray(b"ab")))
try:
    hash(bytearray())
except TypeError as e:
    print("TypeError:", e)
