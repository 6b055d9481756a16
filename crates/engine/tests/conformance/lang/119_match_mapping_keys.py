# match: mapping keys may be literals of any kind and dotted names.
class Keys:
    A = "a"
def f(d):
    match d:
        case {0: zero, -1: neg}:
            return ("ints", zero, neg)
        case {Keys.A: v}:
            return ("dotted", v)
        case {None: v, True: w}:
            return ("singletons", v, w)
        case {b"k": v}:
            return ("bytes", v)
    return None
print(f({0: "z", -1: "n"}))
print(f({"a": 1}))
print(f({None: 1, 1: 2}))
print(f({b"k": 3}))
print(f({0: "z"}))
