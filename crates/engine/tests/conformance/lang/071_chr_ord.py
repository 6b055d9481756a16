# chr and ord, including non-ASCII code points.
print(ord("A"), ord("a"), ord("0"), ord("é"), ord("€"))
print(chr(65), chr(97), chr(8364), chr(0x1F600) == "\U0001F600")
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "hi!"])
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
