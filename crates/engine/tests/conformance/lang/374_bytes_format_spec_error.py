# bytes only format with an empty spec; any other spec is a TypeError
print(format(b"ab"), f"{b'ab'}", "{0}".format(b"x"), f"{bytearray(b'y')!s}")
for spec in [">10", "s", "x"]:
    try:
        format(b"ab", spec)
    except TypeError as e:
        print("TypeError:", e)
