# Chained comparisons evaluate the middle operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1 == 1, 1 == 1 != 2, 3 > 2 > 1 > 0)
def mid():
    print("mid evaluated")
    return 5
print(0 < mid() < 10)
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(1 < 2 < 3 < 2)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
