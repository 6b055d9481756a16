# int() of big ints, bools and strings with whitespace.
print(int(2**100), int(-2**100) + 1)
print(int(' 0b' + '1' * 65 + ' ', 0))
print(int('1' * 19 + '0'))
