# Bools mixed with big ints behave as 0 and 1.
x = 2**70
print(x + True, x * False, x - True, True + x, x // True)
print(x & True, (x + 1) & True, x | True)
