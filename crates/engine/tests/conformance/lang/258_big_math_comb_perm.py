# math.comb and math.perm with big results.
import math
print(math.comb(100, 50), math.comb(200, 3), math.comb(10, 20))
print(math.perm(30, 20), math.perm(25))
