# match: two dotted keys with equal values raise ValueError when the pattern runs.
class K:
    X = "x"
    Y = "x"
try:
    match {"x": 1}:
        case {K.X: 1, K.Y: 2}:
            print("matched")
except ValueError as e:
    print("ValueError:", e)
print("done")
