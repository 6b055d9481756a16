from typing import List, Optional, Dict, Callable, Any
import traceback
def f(xs: List[int], d: Optional[Dict[str, Any]] = None) -> Optional[int]:
    return sum(xs)
print(f([1, 2]))
try:
    {}["k"]
except KeyError:
    s = traceback.format_exc()
    print(s.splitlines()[-1])
