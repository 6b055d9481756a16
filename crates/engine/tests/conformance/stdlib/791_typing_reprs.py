# Subscripted typing forms print like CPython's.
from typing import Optional, Union, List, Dict, Callable, Any, Tuple
print(Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, List[int]])
print(Any, Union[int], Tuple[int, ...], Callable[[int, str], bool])
