# match: sequence patterns never match str or bytes, nor dicts, sets or iterators.
def f(x):
    match x:
        case [a, b]:
            return f"pair {a!r} {b!r}"
        case [*items]:
            return f"seq of {len(items)}"
    return "not a sequence"
for x in ["ab", b"ab", {"a": 1, "b": 2}, {1, 2}, [1, 2], (1,), range(3)]:
    print(type(x).__name__, f(x))
