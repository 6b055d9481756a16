# StopIteration from next(), and inside a generator it becomes RuntimeError.
it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)

def gen():
    yield 1
    raise StopIteration("leaked")

try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))

def stop_with_value():
    return 5
    yield

g = stop_with_value()
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
