# zip_longest pads the shorter iterables with fillvalue.
from itertools import zip_longest
print(list(zip_longest("ab", "xyz")), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([1, 2, 3])))
