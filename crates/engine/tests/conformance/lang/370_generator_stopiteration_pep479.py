# StopIteration raised inside a generator becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    raise StopIteration("inner")
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def uses_next():
    it = iter([])
    yield next(it)
try:
    list(uses_next())
except RuntimeError as e:
    print("RuntimeError:", e)
