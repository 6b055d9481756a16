# match: __match_args__ is an ordinary class attribute: inherited and overridable.
class Base:
    __match_args__ = ("a",)
    def __init__(self):
        self.a = "A"
        self.b = "B"
class Child(Base):
    pass
class Other(Base):
    __match_args__ = ("b", "a")
for obj in [Base(), Child(), Other()]:
    match obj:
        case Other(first, second):
            print("Other", first, second)
        case Base(first):
            print(type(obj).__name__, first)
