# A @contextmanager generator sees the block's exception at its yield and may handle it.
from contextlib import contextmanager
@contextmanager
def guard(name):
    try:
        yield
    except ZeroDivisionError as e:
        print(name, "handled", e)
    finally:
        print(name, "finally")
with guard("g1"):
    1 / 0
print("continued")
try:
    with guard("g2"):
        raise KeyError("x")
except KeyError as e:
    print("propagated", e)
