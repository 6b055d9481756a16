# Division of large 64-bit ints is correctly rounded.
print(9007199254740993 / 1)
print(9223372036854775807 / 3)
print((2**62 + 1) / (2**62 - 1))
print(-9223372036854775808 / 7)
