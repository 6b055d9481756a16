# random.betavariate() and gammavariate() with alpha below, at and above 1: 1,000 draws each
import random
for s in (0, 21, 4242):
    random.seed(s)
    for a, b in ((0.5, 0.5), (1.0, 1.0), (2, 5), (9, 0.7)):
        xs = [random.betavariate(a, b) for _ in range(1000)]
        gs = [random.gammavariate(a, 2.0) for _ in range(1000)]
        print(s, a, b, sum(xs), sum(gs), xs[0], gs[0])
for ab in ((0, 1), (1, -1)):
    try:
        random.gammavariate(*ab)
    except ValueError as e:
        print("ValueError", e)
