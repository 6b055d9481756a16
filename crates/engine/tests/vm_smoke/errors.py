# Error messages must match CPython's.
def attempt(src):
    try:
        exec_it(src)
    except Exception as e:
        print(type(e).__name__ + ":", e)
def exec_it(f):
    f()
attempt(lambda: 1 + "a")
attempt(lambda: "a" + 1)
attempt(lambda: [1][5])
attempt(lambda: {}["k"])
attempt(lambda: undefined_name)
attempt(lambda: None.foo)
attempt(lambda: int("x"))
attempt(lambda: 1 / 0)
attempt(lambda: 1 // 0)
attempt(lambda: 1 % 0)
attempt(lambda: [].pop())
attempt(lambda: (lambda x: x)())
attempt(lambda: (lambda x: x)(1, 2))
attempt(lambda: (lambda: 0)(y=1))
attempt(lambda: len(5))
attempt(lambda: 5())
attempt(lambda: iter(5))
attempt(lambda: [1, 2] < "a")
attempt(lambda: {}.pop("z"))
attempt(lambda: [].remove(3))
attempt(lambda: "abc".index("z"))
attempt(lambda: hash([]))
attempt(lambda: next(iter([])))
attempt(lambda: int(None))
def f():
    print(x)
    x = 1
attempt(f)
def g(a, b, *, c):
    pass
attempt(lambda: g(1))
attempt(lambda: g(1, 2))
attempt(lambda: g(1, 2, 3))
class K:
    pass
attempt(lambda: K().missing)
attempt(lambda: K(1))
a, b = 1, 2
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "")
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert", e)
try:
    try:
        raise KeyError("a")
    finally:
        print("finally runs")
except KeyError as e:
    print("outer", e)
print({1: 2}.get(3), "end")
def gen():
    yield 1
    raise StopIteration
try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError", e)
raise ValueError("final uncaught")
