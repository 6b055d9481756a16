# starmap unpacks argument tuples; pairwise yields overlapping pairs.
from itertools import starmap, pairwise
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [(1, 9), (8, 2)])))
print(list(pairwise("ABCD")), list(pairwise([1])), list(pairwise([])))
