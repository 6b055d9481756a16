# getstate()/setstate(): replaying a sequence, the state's shape, and a bad version
import random
random.seed(3)
st = random.getstate()
first = [random.random() for _ in range(5)]
random.setstate(st)
print(first == [random.random() for _ in range(5)])
print(st[0], len(st[1]), st[1][-1], st[2])
r = random.Random(1)
r.gauss()
st = r.getstate()
x = r.gauss()
r.setstate(st)
print(x == r.gauss(), st[2] is not None)
try:
    r.setstate((9, (), None))
except ValueError as e:
    print("ValueError", e)
