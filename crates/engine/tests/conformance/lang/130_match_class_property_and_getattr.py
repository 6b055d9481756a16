# match: keyword sub-patterns use normal attribute lookup (properties, __getattr__); AttributeError means no match.
class Temp:
    def __init__(self, c):
        self.c = c
    @property
    def f(self):
        print("computing f")
        return self.c * 9 / 5 + 32
    def __getattr__(self, name):
        if name == "kelvin":
            return self.c + 273.15
        raise AttributeError(name)
match Temp(100):
    case Temp(f=212.0, kelvin=k):
        print("boiling", k)
match Temp(0):
    case Temp(missing=m):
        print("no")
    case Temp(c=c):
        print("fallback", c)
