# Arithmetic between big ints and floats gives floats.
x = 2**70
print(x * 1.5, x + 0.5, x - 1e21, x / 2.0, 2.0 ** 70 == x)
print(1e30 // 2**60, 1e30 % 2**60)
