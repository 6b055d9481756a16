# random.random(): 1,000 draws after several int seeds, summarised (sum, first, last)
import random
for s in (0, 1, 42, 12345, -7, 2**40 + 3):
    random.seed(s)
    xs = [random.random() for _ in range(1000)]
    print(s, sum(xs), xs[0], xs[999], min(xs), max(xs))
