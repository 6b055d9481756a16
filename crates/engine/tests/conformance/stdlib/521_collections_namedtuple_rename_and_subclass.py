# rename=True replaces invalid names; a subclass can add methods.
from collections import namedtuple
R = namedtuple("R", ["a", "def", "a", "_x"], rename=True)
print(R._fields)
class V(namedtuple("V", "x y")):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = V(3, 4)
print(v, v.norm2())
