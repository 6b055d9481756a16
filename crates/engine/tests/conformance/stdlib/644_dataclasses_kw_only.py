# kw_only=True makes every field keyword-only; field(kw_only=True) and KW_ONLY make some.
from dataclasses import dataclass, field, KW_ONLY
@dataclass(kw_only=True)
class A:
    x: int
    y: int = 2
print(A(x=1))
try:
    A(1)
except TypeError as e:
    print(e)
@dataclass
class B:
    x: int
    _: KW_ONLY
    y: int
    z: int = 0
print(B(1, y=2))
try:
    B(1)
except TypeError as e:
    print(e)
@dataclass
class C:
    a: int = field(kw_only=True, default=0)
    b: int = 1
print(C(5), C(5, a=3))
