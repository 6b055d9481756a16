# An annotated program using typing's common names runs as without annotations.
from typing import Any, Optional, Union, List, Dict, Tuple, Set, Callable, Iterable, Iterator
def total(xs: List[int], scale: Optional[float] = None) -> float:
    return sum(xs) * (scale or 1)
def pick(d: Dict[str, Tuple[int, int]], key: str) -> Union[Tuple[int, int], None]:
    return d.get(key)
def apply(f: Callable[[int], int], xs: Iterable[int]) -> Iterator[int]:
    return (f(x) for x in xs)
names: Set[str] = {"a"}
anything: Any = 3
print(total([1, 2, 3]), total([1], 2.5), pick({"a": (1, 2)}, "a"), list(apply(lambda x: x * 2, [1, 2])))
print(names, anything)
