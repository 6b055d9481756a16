# match: `*_` skips any number of items without building a list.
def f(x):
    match x:
        case [1, *_, 9]:
            return "1...9"
        case [*_, 0]:
            return "ends with 0"
        case [_, _, *_]:
            return "at least two"
        case [*_]:
            return "any sequence"
    return "not a sequence"
for x in [[1, 9], [1, 5, 6, 9], [3, 0], [4, 5], [7], "ab", 5]:
    print(x, f(x))
