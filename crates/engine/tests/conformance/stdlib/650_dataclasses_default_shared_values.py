# Defaults are evaluated once; a default_factory runs per instance.
from dataclasses import dataclass, field
calls = []
def make():
    calls.append(1)
    return len(calls)
@dataclass
class T:
    n: int = field(default_factory=make)
    s: str = "d"
print(T(), T(), T(7), len(calls))
