# Messages of common ValueError and TypeError cases.
nothing = None
cases = [
    lambda: int("abc"),
    lambda: [1, 2].index(3),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: len(3),
    lambda: nothing(),
    lambda: [1] * "x",
    lambda: "x" * 2.0,
    lambda: {}[[1]],
    lambda: sum(["a"]),
    lambda: abs("x"),
]
for case in cases:
    try:
        case()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
