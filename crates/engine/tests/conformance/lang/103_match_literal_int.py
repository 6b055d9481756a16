# match: integer literal patterns, tried top to bottom; no case matches -> nothing runs.
def describe(n):
    match n:
        case 0:
            return "zero"
        case 1:
            return "one"
        case -1:
            return "minus one"
    return "many"
for n in [0, 1, -1, 7, 1.0, True]:
    print(n, describe(n))
