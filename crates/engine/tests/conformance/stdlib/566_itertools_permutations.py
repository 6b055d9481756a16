# permutations of all items or r of them, in lexicographic order of positions.
from itertools import permutations
print(list(permutations("abc")))
print(list(permutations(range(3), 2)), list(permutations("ab", 3)))
print(len(list(permutations(range(5), 3))))
try:
    permutations("ab", -1)
except ValueError as e:
    print(e)
