# iter and next, including the default value and exhausted iterators.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
s = iter("ab")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d))
r = iter(range(3))
print(next(r) + next(r) + next(r))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
