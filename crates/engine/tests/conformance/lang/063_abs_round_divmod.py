# abs, round (banker's rounding, ndigits), divmod.
print(abs(-3), abs(2.5), abs(-0.0), abs(True))
print(round(3.7), round(-3.5), round(4.5), round(5.5), round(3.14159, 2), round(1234, -2))
print(round(2.5), round(0.125, 2), round(-1.25, 1), type(round(2.0)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(0, 5))
print(pow(2, 8), pow(3, 4, 5), pow(2, -2))
