# Nested dataclasses and containers show in the repr.
from dataclasses import dataclass, field
@dataclass
class Leaf:
    v: int
@dataclass
class Tree:
    name: str
    leaves: list = field(default_factory=list)
t = Tree("t", [Leaf(1), Leaf(2)])
print(t)
print([t], {"t": Leaf(3)})
