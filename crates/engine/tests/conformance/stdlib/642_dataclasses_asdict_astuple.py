# asdict and astuple recurse into nested dataclasses, lists and dicts.
from dataclasses import dataclass, asdict, astuple, field
@dataclass
class Item:
    name: str
    qty: int
@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
o = Order(1, [Item("pen", 2), Item("ink", 1)], {"k": Item("x", 0)})
print(asdict(o))
print(astuple(o))
try:
    asdict(Item)
except TypeError as e:
    print(e)
