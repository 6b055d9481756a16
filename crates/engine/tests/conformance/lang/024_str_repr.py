# __str__ and __repr__, and which one print/str/repr/f-strings use.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

p = Point(1, "b")
print(p)
print(repr(p))
print(str(p))
print([p, p])
print(f"{p} {p!r}")
print(OnlyRepr(), str(OnlyRepr()))
print({"k": p})
