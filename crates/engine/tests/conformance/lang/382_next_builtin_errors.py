# next() needs an iterator: a list is iterable but not an iterator; next(it, default) never raises StopIteration
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
