# under `from __future__ import annotations` function annotations stay strings
from __future__ import annotations
def f(a: int, b: list[Node] = None) -> Node:
    return b
print(f.__annotations__)
class Node:
    value: int
    def link(self, other: Node) -> None:
        pass
print(Node.__annotations__, Node.link.__annotations__)
