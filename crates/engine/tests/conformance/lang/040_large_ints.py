# Integers near the 64-bit range (kept inside it).
big = 2 ** 62
print(big, big + (big - 1))
print(9223372036854775807, -9223372036854775807 - 1)
print(3037000499 * 3037000499)
print(123456789 * 987654321)
factorial = 1
for i in range(1, 21):
    factorial *= i
print(factorial)
print(int("9000000000000000000") // 7)
print(len(str(2 ** 60)))
