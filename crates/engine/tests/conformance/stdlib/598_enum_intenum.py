# IntEnum members compare and compute like ints; str() and format give the number (3.11).
from enum import IntEnum
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 2, Priority.LOW + 1, Priority.HIGH * 10)
print(repr(Priority.HIGH), str(Priority.HIGH), f"{Priority.LOW}", Priority(2))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority))
print(["a", "b", "c", "d"][Priority.MEDIUM], int(Priority.HIGH))
