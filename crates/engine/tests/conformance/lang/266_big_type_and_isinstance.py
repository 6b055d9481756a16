# type() and isinstance of big ints.
x = 2**100
print(type(x), type(x) is int, isinstance(x, int), isinstance(x, (float, int)))
print(type(x).__name__, x.__class__.__name__)
