# field(repr=False) hides a field from the repr; compare=False leaves it out of ==.
from dataclasses import dataclass, field
@dataclass
class User:
    name: str
    password: str = field(repr=False)
    visits: int = field(default=0, compare=False)
print(User("ann", "secret", 3))
print(User("ann", "x", 1) == User("ann", "x", 99), User("ann", "x") == User("ann", "y"))
