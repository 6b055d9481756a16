# @unique refuses aliases with the names of the duplicates.
from enum import Enum, unique
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
except ValueError as e:
    print(e)
@unique
class Fine(Enum):
    A = 1
    B = 2
print(list(Fine))
