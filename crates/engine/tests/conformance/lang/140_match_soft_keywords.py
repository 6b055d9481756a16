# match: `match`, `case` and `_` are soft keywords, still usable as ordinary names.
match = [1, 2]
case = {"k": "v"}
_ = "underscore"
print(match[0], case["k"], _)
def match(*args):
    return len(args)
print(match(1, 2, 3))
match -1:
    case -1:
        print("matched -1")
class case:
    match = "attr"
print(case.match)
match, case = 1, 2
print(match, case)
match (match, case):
    case (1, case):
        print("inner case =", case)
