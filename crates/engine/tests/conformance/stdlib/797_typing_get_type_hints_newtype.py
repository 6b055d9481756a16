# get_type_hints reads a class's annotations; NewType returns its argument at run time.
from typing import get_type_hints, NewType, Optional
UserId = NewType("UserId", int)
def f(a: int, b: Optional[str] = None) -> bool:
    return True
class C:
    x: int
    y: str
print(UserId(5), get_type_hints(C))
