import itertools
import functools
def deco(tag):
    def wrap(f):
        @functools.wraps(f)
        def inner(*a, **k):
            return f"{tag}:{f(*a, **k)}"
        return inner
    return wrap
@deco("x")
def hello(name="w"):
    return "hi " + name
print(hello(), hello("bob"), hello.__name__)
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
if (n := len("abcd")) > 3: print("walrus", n)
print([y for x in range(4) if x % 2 == 0 for y in (x, x * 10)])
print({k: v for k, v in zip("ab", [1, 2])}, {**{"a": 1}, **{"b": 2}}, [*range(3), *"ab"])
print(sorted({3: "c", 1: "a"}.items()), max({"a": 3, "b": 1}, key=lambda k: -ord(k)))
cnt = 0
def bump():
    global cnt
    cnt += 1
bump(); bump(); print(cnt)
x = 5; print(f"{x=} {x*2=}", f"{'nested'!r:>12}", f"{3.5:{'>'}{6}}")
print("%(a)s-%(b)d" % {"a": "A", "b": 2})
s = [0, 1, 2, 3, 4, 5]; s[1:4] = [9]; print(s); s[::2] = [7, 7]; print(s)
p = functools.partial(int, base=2); print(p("101"))
g = (i * i for i in range(5)); print(next(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(itertools.islice(fib(), 8)))
