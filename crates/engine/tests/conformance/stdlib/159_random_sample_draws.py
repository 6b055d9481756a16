# random.sample(): small and large populations (both of CPython's selection methods), k up to n
import random
for s in (0, 4, 31):
    random.seed(s)
    print(s, random.sample(range(10), 10))
    print(s, random.sample("abcdefgh", 3))
    print(s, random.sample(range(1000), 8))
    big = random.sample(range(100000), 1000)
    print(s, sum(big), big[:5], len(set(big)))
    mid = random.sample(list(range(60)), 50)
    print(s, mid[:10], sum(mid))
