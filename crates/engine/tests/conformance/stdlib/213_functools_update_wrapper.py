# functools.update_wrapper with the default and with custom assigned/updated lists
import functools
def original():
    "original doc"
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def w1():
    pass
r = functools.update_wrapper(w1, original)
print(r is w1, w1.__name__, w1.__doc__, w1.__wrapped__ is original)
def w2():
    "keep me"
functools.update_wrapper(w2, original, assigned=("__name__",), updated=())
print(w2.__name__, w2.__doc__)
