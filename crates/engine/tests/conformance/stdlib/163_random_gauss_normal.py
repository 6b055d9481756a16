# random.gauss() (its cached second value) and random.normalvariate(): 1,000 draws after several seeds
import random
for s in (0, 6, 1000):
    random.seed(s)
    g = [random.gauss(10, 2) for _ in range(1000)]
    n = [random.normalvariate(0, 1) for _ in range(1000)]
    print(s, sum(g), g[:3], sum(n), n[:3])
    print(random.gauss(), random.normalvariate())
random.seed(1)
a = random.gauss()
random.seed(1)
print(a == random.gauss(), random.gauss() != a)
