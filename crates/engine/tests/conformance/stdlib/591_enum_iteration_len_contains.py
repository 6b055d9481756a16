# Iterating an Enum class gives its members in order; len and `in` work on the class.
from enum import Enum
class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
print(list(Weekday), len(Weekday))
for day in Weekday:
    print(day.name, day.value)
print(Weekday.MON in Weekday, repr(Weekday))
