# Integer arithmetic, including //, % and ** with negative operands.
print(7 + 3, 7 - 10, 6 * 7, 7 / 2, 8 / 2)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** -1, (-8) ** 2)
print(divmod(17, 5), divmod(-17, 5))
print(10 ** 18, 2 ** 62, -(2 ** 62))
print(1_000_000 + 1, 0b1010, 0o17)
print(abs(-5), -(-5), +5, ~5)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
