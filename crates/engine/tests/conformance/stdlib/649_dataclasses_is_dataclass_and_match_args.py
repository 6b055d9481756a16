# is_dataclass for classes and instances; __match_args__ lets match use positions.
from dataclasses import dataclass, is_dataclass
@dataclass
class P:
    x: int
    y: int
print(is_dataclass(P), is_dataclass(P(1, 2)), is_dataclass(5), P.__match_args__)
match P(0, 3):
    case P(0, y):
        print("on the y axis at", y)
