# Comparisons among big and small ints.
a, b = 2**100, 2**100 + 1
print(a < b, a == b, a != b, a >= b, -a < 5, 5 < a)
print(sorted([b, 3, a, -a, 0]))
print(a == 2**100, a is not None)
