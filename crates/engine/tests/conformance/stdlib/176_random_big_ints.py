# random with ints beyond 64 bits: big seeds, getrandbits(200), randrange over
# 10**30, and the SystemRandom/Random classes, as CPython draws them.
import random

random.seed(12345678901234567890123)
print(random.random(), random.getrandbits(200), random.randrange(10**30, 10**31))
r = random.Random(2**100)
print(r.randint(1, 10**25), r.choice(range(10)), r.getrandbits(65), r.getrandbits(96))
random.seed(-2**70)
print(random.random(), random.sample(range(10**18), 3))
s = random.SystemRandom()
print(s.getrandbits(70), s.randrange(2**90))
