# typing.NamedTuple class syntax: fields with types and defaults.
from typing import NamedTuple
class Employee(NamedTuple):
    name: str
    id: int = 3
e = Employee("ann")
print(e, e.name, e.id, e[0], len(e), tuple(e))
print(e._replace(id=9), e._asdict(), Employee._make(["bob", 1]))
n, i = e
print(n, i, e == ("ann", 3))
try:
    e.name = "x"
except AttributeError as err:
    print(err)
try:
    Employee()
except TypeError as err:
    print(err)
