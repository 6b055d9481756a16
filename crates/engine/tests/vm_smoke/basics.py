print("hello", 1 + 2, 3.5, None, True)
x = [1, 2, 3]
x.append(4)
print(x, len(x), x[-1], x[1:3])
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d.get("z", 0), list(d.items()))
def f(a, b=2, *args, k=5, **kw):
    return a + b + k + sum(args)
print(f(1), f(1, 2, 3, 4, k=10, z=1))
class A:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"A({self.x!r})"
    def double(self):
        return self.x * 2
a = A(21)
print(a, a.double(), [A(i) for i in range(3)])
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(x for x in range(10)))
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
s = ""
for i in range(5):
    s += str(i)
print(s, s.upper(), "-".join(["a", "b"]), f"{3.14159:.2f}|{42:>5}|")
print({1, 2, 3}, {"x"}, set())
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return inc()
print(outer())
class B(A):
    def double(self):
        return super().double() + 1
print(B(5).double())
print(sorted([3, 1, 2], reverse=True), sorted(["b", "a"], key=lambda s: s))
a, *b, c = range(6)
print(a, b, c)
print(1 < 2 < 3, 1 < 3 < 2, 7 // 2, -7 // 2, -7 % 3, 2 ** 10, 7 / 2)
