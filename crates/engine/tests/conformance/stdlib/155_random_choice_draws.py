# random.choice() on lists, strings, tuples and ranges: 1,000 draws per seed
import random
for s in (0, 11, 500):
    random.seed(s)
    for seq in ([1, 2, 3], "abcdefghijklmnopqrstuvwxyz", (10, 20, 30, 40, 50), range(0, 1000, 7)):
        xs = [random.choice(seq) for _ in range(1000)]
        print(s, type(seq).__name__, xs[:6], xs.count(xs[0]))
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
