# A field without default after one with a default is a TypeError.
from dataclasses import dataclass
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
