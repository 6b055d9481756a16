# random.choices() with weights and cum_weights (ints and floats): 1,000 draws
import random
for s in (0, 9, 123):
    random.seed(s)
    a = random.choices("abcd", weights=[1, 2, 3, 4], k=1000)
    b = random.choices("abcd", [0.1, 0.2, 0.3, 0.4], k=1000)
    c = random.choices("abcd", cum_weights=[1, 3, 6, 10], k=1000)
    d = random.choices(range(5), weights=[0, 0, 1, 0, 0], k=10)
    print(s, [a.count(x) for x in "abcd"], [b.count(x) for x in "abcd"], [c.count(x) for x in "abcd"], d)
    print("".join(a[:30]), "".join(b[:30]), "".join(c[:30]))
