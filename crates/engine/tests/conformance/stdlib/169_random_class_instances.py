# random.Random instances: independent generators with their own seeds, reseeding, and the module's own
import random
a = random.Random(5)
b = random.Random(5)
c = random.Random("five")
print(a.random() == b.random(), a.random(), c.random())
random.seed(5)
print(random.random() == random.Random(5).random())
a.seed(10)
print(a.randint(1, 100), a.choice("xyz"), a.sample(range(50), 4), a.choices("ab", k=5))
l = list(range(8))
a.shuffle(l)
print(l, a.gauss(0, 1), a.uniform(0, 1), a.getrandbits(16), a.randbytes(3))
print(type(a).__name__, isinstance(a, random.Random), random.Random.VERSION)
