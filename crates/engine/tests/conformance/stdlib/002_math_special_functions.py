# math's hyperbolic, error and gamma functions, float decomposition and
# distance, with the domain and range errors CPython raises.
import math

for name in ["sinh", "cosh", "tanh", "asinh", "cbrt", "exp2", "expm1", "log1p", "erf", "erfc"]:
    f = getattr(math, name)
    print(name, [round(f(x), 12) for x in (0.5, 1.0, 2.5)])
print(math.acosh(1.0), round(math.acosh(3.0), 12), round(math.atanh(0.5), 12))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, round(math.lgamma(10), 10))
print(math.frexp(8.0), math.frexp(0.3), math.frexp(0.0), math.ldexp(0.75, 4), math.ldexp(1.0, -1080))
print(math.modf(3.25), math.modf(-2.5), math.modf(math.inf))
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.remainder(7.5, 2), math.remainder(5, 2))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 15]))
for call in [
    lambda: math.acosh(0.5),
    lambda: math.atanh(1.0),
    lambda: math.log1p(-1),
    lambda: math.gamma(0),
    lambda: math.gamma(-3.0),
    lambda: math.lgamma(-2),
    lambda: math.fmod(1.0, 0.0),
    lambda: math.fmod(math.inf, 1.0),
    lambda: math.remainder(1.0, 0.0),
    lambda: math.exp(1000),
    lambda: math.sinh(1000),
    lambda: math.cosh(-1000),
    lambda: math.exp2(2000),
    lambda: math.gamma(200),
    lambda: math.ldexp(1.0, 5000),
    lambda: math.dist((1, 2), (1, 2, 3)),
]:
    try:
        print(call())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.exp(-1000), math.tanh(1000), math.erf(10), math.erfc(-10), math.isnan(math.gamma(math.nan)))
