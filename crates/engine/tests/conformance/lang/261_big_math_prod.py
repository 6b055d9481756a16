# math.prod with a big result.
import math
print(math.prod(range(1, 40)))
print(math.prod([2**40, 2**40, 0.5]))
