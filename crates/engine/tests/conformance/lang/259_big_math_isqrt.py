# math.isqrt of big ints is exact.
import math
print(math.isqrt(10**40), math.isqrt(10**40 - 1), math.isqrt(2**201))
print(math.isqrt(0), math.isqrt(99))
