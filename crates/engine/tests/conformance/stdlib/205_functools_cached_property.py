# functools.cached_property: computed once per instance, then stored; the class sees the descriptor
from functools import cached_property
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        "the area"
        print("computing", self.r)
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)
d = Circle(3)
print(d.area, c.area)
c.area = 100
print(c.area, type(Circle.area).__name__, Circle.area.__doc__)
del c.area
print(c.area)
