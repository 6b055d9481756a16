# match: the subject expression is evaluated once, before any case.
def subject():
    print("evaluating subject")
    return [1, 2]
match subject():
    case [1]:
        print("one")
    case [1, 2, 3]:
        print("three")
    case [1, 2]:
        print("two")
