# a function's __annotations__: parameters in order, *args/**kwargs, keyword-only, and 'return'
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
print((lambda q: q).__annotations__)
def pos(a: int, /, b: int) -> None:
    pass
print(pos.__annotations__, list(pos.__annotations__))
