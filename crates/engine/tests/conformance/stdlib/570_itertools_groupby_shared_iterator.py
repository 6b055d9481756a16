# A group is invalidated when groupby advances: listing groups late gives empty lists.
from itertools import groupby
groups = list(groupby("aaabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby([1, 1, 2, 3, 3], key=lambda x: x % 2)
k, g1 = next(g)
first = next(g1)
k2, g2 = next(g)
print(k, first, k2, list(g2), list(g1))
