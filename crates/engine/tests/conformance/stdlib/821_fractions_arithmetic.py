# Exact arithmetic with Fractions and ints; mixing with a float gives a float.
from fractions import Fraction as F
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(F(-2, 5)))
print(a + 1, 2 - a, 3 * a, 1 / a, a ** 2, a ** -2, F(-2, 3) ** 3, 2 ** F(3))
print(a + 0.5, 0.25 * F(1, 2), F(1, 4) ** 0.5, divmod(F(7, 2), 2))
print(sum([F(1, 10)] * 10), sum(F(1, n) for n in range(1, 5)))
