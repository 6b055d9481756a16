# A plain dataclass with eq is unhashable.
from dataclasses import dataclass
@dataclass
class A:
    x: int
try:
    hash(A(1))
except TypeError as e:
    print(e)
@dataclass(unsafe_hash=True)
class B:
    x: int
print(hash(B(1)) == hash(B(1)))
