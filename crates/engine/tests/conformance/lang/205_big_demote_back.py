# A result that fits again behaves as a plain small int.
x = 2**70
y = x - 2**70 + 5
print(y, y * 2, y == 5, hash(y), [10, 20, 30, 40, 50, 60][y])
print((2**65 // 2**60), (2**100 % 7))
