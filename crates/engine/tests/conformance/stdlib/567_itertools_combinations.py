# combinations and combinations_with_replacement.
from itertools import combinations, combinations_with_replacement
print(list(combinations("abcd", 2)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations(range(4), 0)))
try:
    combinations("ab", -1)
except ValueError as e:
    print(e)
