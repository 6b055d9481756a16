# match: a small expression evaluator with class patterns, the classic use of match.
class Num:
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value
class BinOp:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
def ev(e):
    match e:
        case Num(v):
            return v
        case BinOp("+", l, r):
            return ev(l) + ev(r)
        case BinOp("*", l, Num(0)) | BinOp("*", Num(0), l):
            return 0
        case BinOp("*", l, r):
            return ev(l) * ev(r)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op}")
print(ev(BinOp("+", Num(1), BinOp("*", Num(2), Num(3)))))
print(ev(BinOp("*", BinOp("+", Num(1), Num(1)), Num(0))))
try:
    ev(BinOp("-", Num(1), Num(2)))
except ValueError as e:
    print(e)
