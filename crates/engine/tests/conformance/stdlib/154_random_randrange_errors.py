# randrange()/randint() errors: empty ranges, zero step, missing stop
import random
cases = [(0,), (-3,), (5, 2), (5, 5), (0, 10, 0), (10, 0, 2), (0, 10, -1), (3, None, 2)]
for args in cases:
    try:
        print(args, random.randrange(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("randint", e)
