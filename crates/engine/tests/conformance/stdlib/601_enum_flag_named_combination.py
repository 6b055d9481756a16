# A Flag member can name a combination; lookups by value find it.
from enum import Flag
class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7
print(Color(7), Color.RED | Color.GREEN | Color.BLUE, list(Color), len(Color))
try:
    Color(8)
except ValueError as e:
    print(e)
