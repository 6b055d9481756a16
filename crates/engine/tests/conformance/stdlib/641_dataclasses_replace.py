# replace makes a copy with some fields changed; bad names raise.
from dataclasses import dataclass, replace, field
@dataclass(frozen=True)
class Cfg:
    host: str
    port: int = 80
    tag: str = field(default="x", init=False)
c = Cfg("a")
print(replace(c, port=8080), c)
try:
    replace(c, nope=1)
except TypeError as e:
    print(e)
try:
    replace(c, tag="y")
except ValueError as e:
    print(e)
