# match: an unparenthesised comma-separated pattern is a sequence pattern; so is a tuple subject.
x, y = 1, 2
match x, y:
    case 0, 0:
        print("origin")
    case 1, other:
        print("x is one, y is", other)
match [3, 4, 5]:
    case 3, *rest:
        print(rest)
match (1,):
    case a,:
        print("one-tuple of", a)
