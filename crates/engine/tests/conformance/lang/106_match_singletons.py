# match: None, True and False are compared with `is`, so 1 does not match True.
def f(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other"
for x in [None, True, False, 1, 0, 1.0, ""]:
    print(repr(x), f(x))
