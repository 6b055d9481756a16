# order=True adds < <= > >= comparing fields as tuples; sorting works.
from dataclasses import dataclass
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
vs = [Version(2, 1), Version(1, 9), Version(2, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(3) >= Version(2, 9), max(vs))
