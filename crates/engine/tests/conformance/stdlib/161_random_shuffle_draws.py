# random.shuffle() of lists of several sizes, repeated 1,000 times, after several seeds
import random
for s in (0, 2, 65):
    random.seed(s)
    l = list(range(20))
    acc = 0
    for i in range(1000):
        random.shuffle(l)
        acc = (acc * 31 + l[0] * 7 + l[-1]) % 1000003
    print(s, l, acc)
    small = [1, 2]
    random.shuffle(small)
    one = ["x"]
    random.shuffle(one)
    print(small, one)
