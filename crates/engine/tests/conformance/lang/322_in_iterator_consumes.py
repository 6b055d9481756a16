# `x in iterator` consumes the iterator only up to the first match
it = iter([1, 2, 3, 4, 5])
print(3 in it, list(it))
it = iter([1, 2])
print(9 in it, list(it))
def gen():
    for i in range(5):
        print("  yield", i)
        yield i
g = gen()
print(1 in g)
print(next(g))
m = map(str, range(10))
print("4" in m, next(m))
