# match: OR patterns try alternatives left to right.
def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b":
            return "letter"
        case [1, _] | (2, _):
            return "pair starting 1 or 2"
        case None | True:
            return "singleton"
    return "other"
for x in [2, "b", [1, "x"], (2, 0), [3, 0], None, True, False]:
    print(repr(x), f(x))
