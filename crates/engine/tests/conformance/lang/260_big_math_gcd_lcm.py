# math.gcd and math.lcm with big ints.
import math
print(math.gcd(2**80, 6**40), math.gcd(-2**100, 3), math.gcd())
print(math.lcm(2**70, 3**40), math.lcm(10**20, 15**10))
