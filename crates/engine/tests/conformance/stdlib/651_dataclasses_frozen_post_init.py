# A frozen dataclass may set derived fields in __post_init__ through object.__setattr__.
from dataclasses import dataclass, field
@dataclass(frozen=True)
class Circle:
    r: float
    d: float = field(init=False)
    def __post_init__(self):
        object.__setattr__(self, "d", self.r * 2)
print(Circle(1.5))
