# str() of bytes is its repr; str(bytes, encoding) decodes; f-strings and %s show the repr; int() parses bytes
b = b"caf\xc3\xa9"
print(str(b), str(b, "utf-8"), str(b, encoding="latin-1"), str(b"x\xff", "ascii", "replace"))
print(f"{b}", f"{b!r}", "%s" % b"hi", format(b"ok"), "{}".format(bytearray(b"z")))
print(int(b"42"), int(b" -7 "), int(bytearray(b"ff"), 16), float(b"2.5"))
