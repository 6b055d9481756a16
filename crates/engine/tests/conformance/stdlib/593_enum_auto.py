# auto() numbers members from 1; explicit values mix in.
from enum import Enum, auto
class Status(Enum):
    NEW = auto()
    RUNNING = auto()
    DONE = 10
    FAILED = auto()
print(list(Status))
print([s.value for s in Status])
