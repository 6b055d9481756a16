# frozen=True forbids assignment (FrozenInstanceError) and makes instances hashable.
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class Pt:
    x: int
    y: int
p = Pt(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del p.y
except FrozenInstanceError as e:
    print(e)
print(hash(p) == hash(Pt(1, 2)), {p: "here"}[Pt(1, 2)], len({Pt(1, 2), Pt(1, 2)}))
