# match: every alternative of an OR pattern binds the same names, possibly in a different order.
def f(x):
    match x:
        case (a, 0) | (0, a):
            return f"one zero, other {a}"
        case {"x": a, "y": b} | [b, a]:
            return f"a={a} b={b}"
    return "no"
print(f((5, 0)))
print(f((0, 7)))
print(f({"x": 1, "y": 2}))
print(f([1, 2]))
print(f("zz"))
