# Messages of KeyError, IndexError and ZeroDivisionError.
cases = [
    lambda: {"a": 1}["b"],
    lambda: {1: 2}[3],
    lambda: [1, 2, 3][10],
    lambda: "abc"[5],
    lambda: (1,)[2],
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.5 / 0,
]
for case in cases:
    try:
        case()
    except (LookupError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e, repr(e))
