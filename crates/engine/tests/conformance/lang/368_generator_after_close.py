# after close() a generator raises StopIteration; throw() into a closed generator re-raises the exception
def gen():
    yield 1
    yield 2
g = gen()
print(next(g))
g.close()
print(next(g, "closed"))
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print("ValueError:", e)
def gen_class_throw():
    try:
        yield
    except ValueError as e:
        yield repr(e)
h = gen_class_throw()
next(h)
print(h.throw(ValueError))
