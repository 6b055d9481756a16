# int(s, base) for big values in bases 2, 16, 36 and 0.
print(int('f' * 30, 16))
print(int('1' * 80, 2))
print(int('z' * 20, 36))
print(int('0x' + 'a' * 25, 0), int('0b' + '1' * 70, 0))
