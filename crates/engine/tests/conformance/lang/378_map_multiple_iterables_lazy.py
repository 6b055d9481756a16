# map with several iterables calls the function with one item from each, stopping at the shortest
def add(a, b):
    print("  add", a, b)
    return a + b
m = map(add, [1, 2, 3], (10, 20))
print(next(m))
print(list(m))
print(list(map(lambda *xs: sum(xs), range(3), range(3), range(3))))
try:
    list(map(None, [1]))
except TypeError as e:
    print("TypeError:", e)
