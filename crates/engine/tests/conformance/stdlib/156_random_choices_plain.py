# random.choices() without weights: k draws at once, 1,000 per seed
import random
for s in (0, 5, 77):
    random.seed(s)
    xs = random.choices(range(10), k=1000)
    ys = random.choices("xyz", k=1000)
    print(s, sum(xs), xs[:8], "".join(ys[:20]), ys.count("x"))
print(random.choices([1, 2, 3]))
print(random.choices("ab", k=0))
