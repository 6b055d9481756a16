# IntFlag members are ints and flags: they combine with ints too.
from enum import IntFlag
class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1
m = Mode.READ | Mode.WRITE
print(repr(m), m == 6, str(m), m & 4, Mode.READ in m, Mode.READ + 1)
print(repr(Mode.EXEC | 2), list(Mode))
