# match: __match_args__ must be a tuple of strings; otherwise TypeError.
class ListArgs:
    __match_args__ = ["x"]
class IntArgs:
    __match_args__ = (1,)
class Dup:
    __match_args__ = ("x",)
    x = 1
for obj in [ListArgs(), IntArgs(), Dup()]:
    try:
        match obj:
            case ListArgs(a) | IntArgs(a):
                print("matched")
            case Dup(a, x=b):
                print("matched dup")
    except TypeError as e:
        print(type(obj).__name__, "->", e)
