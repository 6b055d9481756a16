# Zero denominators, bad strings and bad argument types.
from fractions import Fraction as F
for args in [(1, 0), ("x",), ("1/0",), (1.5, 2), ([],)]:
    try:
        F(*args)
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    F(1, 2) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
