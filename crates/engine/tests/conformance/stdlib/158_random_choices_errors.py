# random.choices() errors: both weights, wrong length, zero or infinite total, k given positionally
import random
tries = [
    lambda: random.choices("ab", [1, 2], cum_weights=[1, 3]),
    lambda: random.choices("abc", [1, 2]),
    lambda: random.choices("ab", [0, 0]),
    lambda: random.choices("ab", [1, float("inf")]),
    lambda: random.choices("abc", 3),
    lambda: random.choices("ab", [-1, -2]),
    lambda: random.choices([], k=2),
]
for t in tries:
    try:
        print(t())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
