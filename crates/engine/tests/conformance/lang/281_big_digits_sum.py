# Digit sum of 2**1000 (Project Euler 16).
import math
print(sum(int(c) for c in str(2**1000)))
print(sum(map(int, str(math.factorial(100)))))
