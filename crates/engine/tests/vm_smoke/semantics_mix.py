fs = [lambda: i for i in range(3)]
print([f() for f in fs], [(lambda i=i: i)() for i in range(3)])
class C:
    items = []
    def add(self, x):
        self.items.append(x)
        return self
print(C().add(1).add(2).items, C.items)
def f(a, L=[]):
    L.append(a)
    return L
print(f(1), f(2))
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("fin", i)
def inner():
    yield 1
    return "done"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
class Bad:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("in exit")
try:
    with Bad():
        raise ValueError("orig")
except RuntimeError as e:
    print("got", e, "context", repr(e.__context__))
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
def counter():
    c = 0
    def inc(n=1):
        nonlocal c
        c += n
        return c
    return inc
k = counter(); k(); print(k(5))
print("abc" < "abd", [1, 2] < [1, 3], (1, "a") < (1, "b"), "B" < "a")
def kw(*, a, b=2): return a + b
print(kw(a=1), kw(b=3, a=1))
class P:
    def __init__(self): self._v = 0
    v = property(lambda self: self._v)
print(P().v)
print(str(1.0), 10 / 4, 1e300 * 1e10, -1e300 * 1e10, float("nan") != float("nan"))
print(int(True), 3 == 3.0, hash(3) == hash(3.0), {1: "a", 1.0: "b", True: "c"})
print([1, 2, 3].index(2), (1, 2, 1).count(1), "a-b-c".rsplit("-", 1), " x ".strip(), "ab".encode())
s = "héllo"
print(len(s), s[1], s[::-1], s.upper(), repr(s), ascii(s))
a = [3, 1, 2]; b = a; b += [4]; print(a, a is b)
t = (1, 2); u = t; u += (3,); print(t, u, t is u)
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: p[1]))
print(list(map(lambda x, y: x * y, [1, 2], [3, 4])), all(x > 0 for x in [1, 2]), any(x > 1 for x in [1]))
try:
    raise TypeError("a") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
def gen2():
    try:
        yield 1
    except GeneratorExit:
        print("gen closed")
        raise
g = gen2(); next(g); del g
print("end")
