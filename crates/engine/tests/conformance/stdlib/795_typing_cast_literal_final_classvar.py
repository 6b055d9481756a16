# cast returns its value unchanged; Literal, Final, ClassVar and TYPE_CHECKING in annotations.
from typing import cast, Literal, Final, ClassVar, TYPE_CHECKING, Awaitable, Coroutine, AsyncIterator
if TYPE_CHECKING:
    import nothing_to_import
MAX: Final = 10
Mode = Literal["r", "w"]
class Config:
    count: ClassVar[int] = 0
def open_mode(m: Mode) -> str:
    return m
x = cast(int, "really a str")
print(x, MAX, open_mode("r"), Config.count, TYPE_CHECKING)
