# parameter annotations are evaluated when the def runs, after the defaults, in order
def note(label):
    print("  evaluating", label)
    return label
def f(a: note("a") = note("default a"), *, b: note("b") = note("default b")) -> note("ret"):
    pass
print(f.__annotations__)
def outer():
    T = list
    def inner(x: T) -> T:
        return x
    return inner
print(outer().__annotations__)
try:
    def broken(x: Undefined):
        pass
except NameError as e:
    print("NameError:", e)
