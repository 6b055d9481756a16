# A chain of 100,000 generators, each delegating to the next, dropped.
def g(it):
    yield from it


it = iter([1])
for i in range(100_000):
    it = g(it)
it = None
print("ok")
