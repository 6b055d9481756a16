# Comparing with another type is a TypeError; order without eq is refused.
from dataclasses import dataclass
@dataclass(order=True)
class V:
    n: int
try:
    V(1) < 5
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class W:
        n: int
except ValueError as e:
    print(e)
