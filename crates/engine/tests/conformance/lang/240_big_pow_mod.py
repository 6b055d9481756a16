# pow(a, b, m) with big operands.
print(pow(3, 2**100, 10**9 + 7))
print(pow(2**100, 2**100, 2**61 - 1))
print(pow(-2**70, 3, 1000), pow(2**70, 3, -1000))
print(pow(12345678901234567890, 65537, 2**127 - 1))
