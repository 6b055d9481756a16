# Catching exceptions through their base classes.
def trigger(kind):
    if kind == "key":
        {}["k"]
    elif kind == "index":
        [][1]
    elif kind == "zero":
        1 / 0
    elif kind == "custom":
        raise MyError("mine")

class MyError(ValueError):
    pass

for kind in ["key", "index", "zero", "custom"]:
    try:
        trigger(kind)
    except LookupError as e:
        print(kind, "-> LookupError", type(e).__name__)
    except ArithmeticError as e:
        print(kind, "-> ArithmeticError", type(e).__name__)
    except Exception as e:
        print(kind, "-> Exception", type(e).__name__, isinstance(e, ValueError))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print([c.__name__ for c in MyError.__mro__])
