# random.uniform() and random.triangular() (default, with mode, reversed bounds, degenerate): 1,000 draws
import random
for s in (0, 10, 333):
    random.seed(s)
    u = [random.uniform(-5, 5) for _ in range(1000)]
    t1 = [random.triangular() for _ in range(1000)]
    t2 = [random.triangular(0, 10, 2) for _ in range(1000)]
    t3 = [random.triangular(10, 0) for _ in range(1000)]
    print(s, sum(u), sum(t1), sum(t2), sum(t3), u[0], t2[0])
    print(random.triangular(3, 3, 3), random.uniform(2, 2), random.uniform(5, 1))
