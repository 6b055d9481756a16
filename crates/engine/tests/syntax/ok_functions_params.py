def f(a, b, /, c, d=1, *args, e, f=2, **kwargs) -> int:
    return a


def g(x: int, y: "str" = "s") -> None:
    pass


def h(*, k):
    pass


def i(a, /):
    pass


lam = lambda x, y=1, *z, w, **kw: x + y
lam2 = lambda: 0
lam3 = lambda *, a: a
