# ClassVar annotations are not fields; InitVar values go to __post_init__ only.
from dataclasses import dataclass, fields, InitVar
from typing import ClassVar
@dataclass
class Counter:
    total: ClassVar[int] = 0
    name: str
    start: InitVar[int] = 1
    def __post_init__(self, start):
        self.count = start * 10
c = Counter("c", 3)
print(c, c.count, [f.name for f in fields(c)], Counter.total)
