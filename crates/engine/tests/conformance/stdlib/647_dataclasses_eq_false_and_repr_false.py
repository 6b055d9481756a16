# eq=False keeps identity comparison; repr=False keeps the default repr.
from dataclasses import dataclass
@dataclass(eq=False)
class Node:
    v: int
a = Node(1)
print(a == Node(1), a == a, hash(a) == hash(a))
@dataclass(repr=False)
class Q:
    v: int
print(repr(Q(1)).startswith("<__main__.Q object at"))
