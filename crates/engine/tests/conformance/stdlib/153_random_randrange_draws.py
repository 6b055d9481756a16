# random.randrange() with one, two and three arguments (positive and negative steps): 1,000 draws each
import random
for s in (0, 7, 2024):
    random.seed(s)
    for args in ((10,), (1, 100), (0, 100, 5), (100, 0, -3), (-20, 20, 7), (1000000,)):
        xs = [random.randrange(*args) for _ in range(1000)]
        print(s, args, sum(xs), xs[:5])
