class Fut:
    def __init__(self): self.done = False; self.result = None
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def inner(x):
    f = Fut()
    r = await f
    return r + x
async def outer():
    try:
        v = await inner(10)
    except ValueError as e:
        print("outer caught", repr(e))
        return -1
    print("got", v)
    return v * 2
c = outer()
y = c.send(None)
print(type(y).__name__)
y.done = True; y.result = 5
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
c2 = outer()
y = c2.send(None)
try:
    c2.throw(ValueError("bad"))
except StopIteration as e:
    print("stop2", e.value)
async def agen(n):
    for i in range(n):
        await Fut2()
        yield i
class Fut2:
    def __await__(self):
        return iter([])
async def use():
    out = []
    async for v in agen(3):
        out.append(v)
    print([x async for x in agen(4)])
    return out
c = use()
try:
    c.send(None)
except StopIteration as e:
    print("agen", e.value)
def g():
    x = yield 1
    print("got", x)
    y = yield x + 1
    return y
gg = g()
print(next(gg), gg.send(10))
try:
    gg.send(7)
except StopIteration as e:
    print("ret", e.value)
def deleg():
    r = yield from g()
    print("deleg got", r)
d = deleg()
print(next(d), d.send(1))
try: d.send(2)
except StopIteration: print("done")
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None); return True
with CM() as cm:
    raise KeyError("x")
print("after with")
def fin():
    try:
        return 1
    finally:
        print("finally")
print(fin())
for i in range(3):
    try:
        if i == 1: continue
        print("i", i)
    finally:
        print("f", i)
