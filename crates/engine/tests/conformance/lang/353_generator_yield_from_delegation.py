# yield from delegates send and throw to the inner generator and returns its return value
def inner():
    got = yield "inner ready"
    print("  inner got", got)
    try:
        yield "inner second"
    except KeyError as e:
        print("  inner caught", e)
    return "inner result"
def outer():
    result = yield from inner()
    print("  outer got", result)
    yield "outer done"
g = outer()
print(next(g), g.send("hello"), g.throw(KeyError("k")))
