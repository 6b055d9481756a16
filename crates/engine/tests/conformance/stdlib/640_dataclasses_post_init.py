# __post_init__ runs after the generated __init__; init=False fields are computed there.
from dataclasses import dataclass, field
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
r = Rect(2, 3)
print(r, r.area)
try:
    Rect(1, 2, 3)
except TypeError as e:
    print(e)
