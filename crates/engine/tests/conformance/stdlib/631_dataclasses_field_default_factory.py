# field(default_factory=...) gives each instance its own list; field(default=...) a shared value.
from dataclasses import dataclass, field
@dataclass
class Bag:
    name: str
    items: list = field(default_factory=list)
    size: int = field(default=10)
a = Bag("a")
b = Bag("b")
a.items.append(1)
print(a, b, hasattr(Bag, "items"), Bag.size)
