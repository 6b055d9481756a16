# match: an error raised by a class pattern points at the pattern's line.
class C:
    __match_args__ = ("a",)
    a = 1
def f(x):
    match x:
        case 0:
            return "zero"
        case C(1,
               2):
            return "never"
f(C())
