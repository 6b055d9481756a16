# int, float, round, bool, limit_denominator and as_integer_ratio.
from fractions import Fraction as F
x = F(-7, 2)
print(int(x), float(x), round(x), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 2), bool(F(0)), bool(x))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2), F("0.333").limit_denominator(10))
print(F(6, 4).as_integer_ratio(), F.from_float(0.75), f"{F(1, 3)}")
try:
    f"{F(1, 3):.3f}"
except TypeError as e:
    print(e)
