# A member's name and value cannot be set.
from enum import Enum
class C(Enum):
    A = 1
try:
    C.A.value = 2
except AttributeError as e:
    print(type(e).__name__)
print(C.A.value)
