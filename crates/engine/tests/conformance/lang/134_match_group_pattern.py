# match: parentheses group a pattern without making a sequence.
match 3:
    case (3):
        print("grouped literal")
match [1, 2]:
    case ([1, (2 | 3)]):
        print("nested groups")
match (1,):
    case (x,):
        print("one-tuple pattern", x)
match ():
    case ():
        print("empty tuple pattern")
