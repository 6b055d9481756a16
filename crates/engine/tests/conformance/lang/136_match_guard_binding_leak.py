# match: names bound by a case whose guard fails stay bound afterwards.
match (1, 2):
    case (a, b) if a > b:
        print("no")
    case _:
        print("a and b after failed guard:", a, b)
