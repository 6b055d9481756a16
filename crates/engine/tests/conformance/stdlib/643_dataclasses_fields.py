# fields() lists Field objects with name, type and default.
from dataclasses import dataclass, fields, field, MISSING
@dataclass
class C:
    a: int
    b: str = "x"
    c: list = field(default_factory=list)
for f in fields(C):
    print(f.name, f.type, f.default is MISSING, f.default_factory is MISSING, f.init, f.repr)
print([f.name for f in fields(C(1))])
try:
    fields(5)
except TypeError as e:
    print(e)
