# generator throw: handled inside (the next yield is returned), unhandled (propagates), before start
def worker():
    try:
        yield 1
    except ValueError as e:
        print("  caught", e)
        yield "recovered"
    yield "after"
g = worker()
print(next(g), g.throw(ValueError("bad")), next(g))
g2 = worker()
try:
    g2.throw(KeyError("early"))
except KeyError as e:
    print("KeyError before start:", e)
print(list(g2))
g3 = worker()
next(g3)
try:
    g3.throw(TypeError("unhandled"))
except TypeError as e:
    print("TypeError:", e)
print(next(g3, "exhausted"))
