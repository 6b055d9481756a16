# A repeated value makes an alias; __members__ lists aliases too, iteration does not.
from enum import Enum
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), Shape.ALIAS_FOR_SQUARE is Shape.SQUARE)
print(list(Shape))
print(list(Shape.__members__), len(Shape.__members__))
print(Shape.__members__["ALIAS_FOR_SQUARE"])
