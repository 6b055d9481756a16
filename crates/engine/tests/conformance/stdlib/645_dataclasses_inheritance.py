# A dataclass subclass extends its base's fields; overriding a field keeps its place.
from dataclasses import dataclass
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Child(Base):
    z: int = 5
    y: int = 9
print(Child(1), Child(1, 2, 3))
print(Child(1) == Base(1, 9))
