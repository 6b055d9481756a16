# A list default is refused: use default_factory.
from dataclasses import dataclass
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
