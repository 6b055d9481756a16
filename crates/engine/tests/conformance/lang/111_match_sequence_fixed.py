# match: fixed-length sequence patterns match lists and tuples of that length.
def f(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case (a, b, c):
            return f"three: {a}, {b}, {c}"
    return "no match"
for x in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4), range(2)]:
    print(x, f(x))
