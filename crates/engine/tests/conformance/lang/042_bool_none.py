# bool and None: truthiness, arithmetic with bools, identity.
print(True, False, None)
print(True + True, True * 10, False - 1)
print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool(None))
print(None is None, None == False, not None)
print(type(True).__name__, isinstance(True, int))
x = None
print("x is None" if x is None else "x is set")
print(int(True), str(False), repr(None))
print(True and "yes", False or "fallback", None or 0 or "last")
