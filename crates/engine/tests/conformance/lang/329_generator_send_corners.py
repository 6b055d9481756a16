# generator send: the first send must be None; send after exhaustion raises StopIteration
def echo():
    got = yield "ready"
    while True:
        got = yield f"echo {got}"
g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None), g.send("a"), g.send("b"))
g.close()
try:
    g.send("c")
except StopIteration as e:
    print("StopIteration", e.value)
def ret():
    yield 1
    return "result"
r = ret()
next(r)
try:
    r.send("x")
except StopIteration as e:
    print("StopIteration value:", e.value)
