# suppress swallows the listed exceptions only; nullcontext gives back its argument.
from contextlib import suppress, nullcontext
with suppress(KeyError, IndexError):
    [][1]
print("after IndexError")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)
