# match: float literals and negative floats; 1 == 1.0 so an int subject matches a float pattern.
def f(x):
    match x:
        case 0.5:
            return "half"
        case -2.25:
            return "neg"
        case 1.0:
            return "one"
    return "no"
for x in [0.5, -2.25, 1, 1.0, True, 2.0]:
    print(x, f(x))
