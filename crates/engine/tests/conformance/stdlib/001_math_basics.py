# The math module's everyday functions: sqrt, floor/ceil, pi, gcd.
import math

print(math.sqrt(16), math.floor(2.7), math.ceil(2.1))
print(round(math.pi, 5), math.gcd(12, 18))
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 10**18)
