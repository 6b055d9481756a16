# TypedDict builds plain dicts; Protocol classes are ordinary base classes at run time.
from typing import TypedDict, Protocol
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title="Up", year=2009)
print(m, type(m).__name__, m["year"])
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self) -> str:
        return "hello"
def use(g: Greeter) -> None:
    print(g.greet())
use(En())
