# random.randint(): 1,000 draws over several ranges and seeds, summarised
import random
for s in (0, 3, 99):
    random.seed(s)
    for a, b in ((1, 6), (0, 1), (-50, 50), (0, 10**9), (5, 5), (0, 2**40)):
        xs = [random.randint(a, b) for _ in range(1000)]
        print(s, a, b, sum(xs) % 1000003, xs[:4], xs[-1])
