# math.factorial(25) and larger factorials beyond 64 bits.
import math
print(math.factorial(25))
print(math.factorial(50))
print(len(str(math.factorial(300))))
