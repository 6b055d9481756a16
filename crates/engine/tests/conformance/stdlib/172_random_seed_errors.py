# random.seed() with unsupported types, and seeding with None from the playground's (seeded) entropy
import random
for bad in ([1], (1, 2), {1: 2}, object):
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(bad).__name__, "TypeError", e)
random.seed(True)
t = random.random()
random.seed(1)
print(t == random.random())
random.seed()
print(random.random())
print(random.Random().random(), random.Random(None).randint(1, 10**6))
