# Wrong arguments to the generated __init__ give CPython's messages.
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
    z: int = 0
for args, kwargs in [((), {}), ((1,), {}), ((1, 2, 3, 4), {}), ((1, 2), {"w": 1}), ((1, 2), {"x": 5})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print(e)
