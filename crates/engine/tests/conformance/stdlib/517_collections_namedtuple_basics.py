# namedtuple: fields by name and index, unpacking, repr, equality with tuples.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], len(p))
x, y = p
print(x, y, p == (1, 2), tuple(p), list(p))
print(Point._fields, Point.__name__)
