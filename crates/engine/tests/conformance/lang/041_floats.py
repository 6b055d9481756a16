# Float arithmetic and repr (shortest round-trip form).
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4)
print(1e16, 1e-5, 123456789.123, 1.5e300 * 1e10)
print(float("inf"), -float("inf"), float("nan"))
print(3.0, -0.0, 2.5 * 2, 7.0 // 2, 7.5 % 2, -7.5 % 2)
print(2 ** 0.5, 10 ** -2, 1.0 == 1, 0.1 * 3 == 0.3)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(float("1.25"), float(3), int(3.99), int(-3.99))
print(1e22, 1e21, 12345678901234567890.0)
print(3.14.is_integer(), (4.0).is_integer())
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
