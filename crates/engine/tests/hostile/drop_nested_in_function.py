# Nested containers held by a function's locals, a dict, a tuple, a closure,
# freed when the function returns.
def build():
    l = []
    d = {}
    t = ()
    for i in range(100_000):
        l = [l]
        d = {"k": d}
        t = (t,)
    f = lambda: (l, d, t)
    return len(l)


print(build())
