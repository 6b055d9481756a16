# Color(value) and Color[name] look members up; bad lookups raise ValueError/KeyError.
from enum import Enum
class Color(Enum):
    RED = "r"
    GREEN = "g"
print(Color("r"), Color["GREEN"], Color(Color.RED), getattr(Color, "RED"))
try:
    Color("x")
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
