# Big ints in lists, tuples and their reprs.
xs = [2**64, (2**65, -2**66), {'k': 3**50}]
print(xs)
print(2**64 in xs, (2**65, -2**66) in xs)
print(xs.index(2**64), [2**70, 2**70].count(2**70))
