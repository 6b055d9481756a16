# random.SystemRandom: draws from os.urandom (seeded in the playground); no state, seed ignored
import random
s = random.SystemRandom()
print(s.random(), s.randint(1, 100), s.choice("abc"), s.sample(range(20), 3))
print(s.getrandbits(12), s.randbytes(4), s.uniform(1, 2))
l = list(range(6))
s.shuffle(l)
print(l)
s.seed(5)
print([s.randrange(1000) for _ in range(10)])
xs = [s.random() for _ in range(1000)]
print(sum(xs), max(xs) < 1)
try:
    s.getstate()
except NotImplementedError as e:
    print("NotImplementedError", e)
