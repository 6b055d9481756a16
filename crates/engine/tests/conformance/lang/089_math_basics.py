# math module basics.
import math
print(math.pi, math.e, math.tau)
print(math.sqrt(2), math.sqrt(16), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.gcd(12, 18), math.factorial(10), math.isqrt(17), math.comb(5, 2))
print(math.fabs(-3), math.pow(2, 10), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 6), math.hypot(3, 4))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf), math.isclose(0.1 + 0.2, 0.3))
print(math.exp(1) == math.e, math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
