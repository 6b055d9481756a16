# match: mapping patterns check only the listed keys; extra keys are ignored.
def f(d):
    match d:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {}:
            return "some mapping"
    return "not a mapping"
print(f({"type": "point", "x": 1, "y": 2, "color": "red"}))
print(f({"type": "circle", "r": 3}))
print(f({"type": "circle"}))
print(f({}))
print(f([("type", "point")]))
