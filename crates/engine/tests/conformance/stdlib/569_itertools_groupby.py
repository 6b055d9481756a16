# groupby groups consecutive equal keys; sort first to group all equal items.
from itertools import groupby
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
data = sorted([3, 1, 4, 1, 5, 9, 2, 6], key=lambda x: x % 2)
print([(k, list(g)) for k, g in groupby(data, lambda x: x % 2)])
