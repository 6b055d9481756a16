# math.floor/ceil/trunc of big floats give big ints.
import math
print(math.floor(1e30), math.ceil(-1e25), math.trunc(2.0**80))
print(int(1e30), int(-2.5e20), round(1e25))
