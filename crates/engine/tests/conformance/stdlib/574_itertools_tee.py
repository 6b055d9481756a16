# tee splits one iterator into independent copies.
from itertools import tee
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
print([list(x) for x in tee("xy", 3)], tee("a", 0))
try:
    tee("a", -1)
except ValueError as e:
    print(e)
