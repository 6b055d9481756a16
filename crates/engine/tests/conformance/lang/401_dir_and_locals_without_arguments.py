# dir() and locals() with no argument list the running scope: the module's globals at top level, the bound locals in a function.
print(dir())
print(list(globals()))
print(__name__, __file__, __doc__, __package__, __spec__, __loader__)
print(type(__builtins__).__name__)
limit = 3


def f(a, b=2, *rest, **opts):
    c = a + b
    print(dir())
    print(sorted(locals().items()))
    if c > limit:
        late = "set"
    print(dir())


f(1)
f(5, 6, 7, key=8)
print(dir() == sorted(globals()))
print(locals() is not None and sorted(locals()) == sorted(globals()))


class K:
    x = 1

    def m(self):
        y = 2
        return dir()


print(K().m())
