# match: the `get` of a dict subclass is not consulted; keys are looked up in pattern order.
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        print("hash", self.name)
        return hash(self.name)
    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name
class K:
    A = Key("a")
    B = Key("b")
d = {Key("a"): 1, Key("b"): 2}
print("matching")
match d:
    case {K.B: b, K.A: a}:
        print(a, b)
