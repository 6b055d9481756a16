from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0), Point(2, 3).y, Point.__annotations__)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"
print(sorted([V(2), V(1, "q")]), V(1) == V(1), hash(V(1)) == hash(V(1)))
try:
    V(1).a = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print(e)
x: int = 5
print(__annotations__)
