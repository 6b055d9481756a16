# random.sample() with counts, and its errors (negative or too large k, sets, bad counts)
import random
random.seed(8)
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.sample("ab", 0))
for t in (lambda: random.sample(range(3), 4), lambda: random.sample(range(3), -1),
          lambda: random.sample({1, 2, 3}, 2), lambda: random.sample("ab", 1, counts=[1]),
          lambda: random.sample("ab", 1, counts=[0, 0]), lambda: random.sample("ab", 1, counts=[1.0, 2.0]),
          lambda: random.sample({"a": 1}, 1)):
    try:
        print(t())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
