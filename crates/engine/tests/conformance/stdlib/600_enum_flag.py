# Flag members combine with | & ^ ~; combined values print as A|B; iteration and `in`.
from enum import Flag, auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(list(Perm), [p.value for p in Perm])
print(rw, repr(rw), rw.value, Perm.R in rw, Perm.X in rw)
print(rw & Perm.W, repr(~Perm.R), bool(Perm.R & Perm.X), repr(Perm(0)))
print(list(rw), Perm(7))
