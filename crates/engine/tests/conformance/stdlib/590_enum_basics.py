# Enum members: name, value, repr, str, identity and type.
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(type(Color.RED).__name__, isinstance(Color.GREEN, Color), Color.RED is Color.RED)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED == 1)
print(f"{Color.BLUE}", "%s" % Color.BLUE, [Color.RED])
