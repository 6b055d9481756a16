# random.getrandbits() for widths up to 63 bits: 1,000 draws each, and its errors
import random
for s in (0, 5, 2**33):
    random.seed(s)
    for k in (0, 1, 8, 31, 32, 33, 53, 63):
        xs = [random.getrandbits(k) for _ in range(1000)]
        print(s, k, sum(x % 1000003 for x in xs), xs[:2], max(xs) >> k == 0)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
