# The infinite iterators count, cycle and repeat, cut with islice/zip.
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(2.5, 0.5), 3)))
print(list(zip("abc", count(1))), list(islice(cycle("AB"), 5)))
print(list(repeat("x", 3)), list(map(pow, range(4), repeat(2))), list(repeat(1, -2)))
print(repr(count(3)), repr(count(1, 2)), repr(repeat("a", 2)), repr(repeat(1)))
