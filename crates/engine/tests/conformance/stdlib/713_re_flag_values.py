# The flag constants: their reprs, combinations and int values.
import re
print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A)
print(re.I | re.M, int(re.I | re.S), re.M == 8)
print(repr(re.DOTALL | re.VERBOSE))
