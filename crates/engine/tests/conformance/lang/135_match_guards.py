# match: a guard runs after the names are bound; a false guard moves on to the next case.
def classify(point):
    match point:
        case (x, y) if x == y:
            return "diagonal"
        case (x, y) if x > y:
            return "below"
        case (x, y):
            return "above"
for p in [(1, 1), (3, 1), (1, 3)]:
    print(p, classify(p))
def check(n):
    print("guard called with", n)
    return n > 0
match 5:
    case int(n) if check(n):
        print("positive")
match -5:
    case int(n) if check(n):
        print("positive")
    case _:
        print("not positive")
