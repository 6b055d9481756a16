# match: value patterns call the subject's __eq__ (subject on the left).
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other
class K:
    A = 1
    B = 2
match Loud(2):
    case K.A:
        print("A")
    case K.B:
        print("B")
