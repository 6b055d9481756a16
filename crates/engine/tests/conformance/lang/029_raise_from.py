# raise X from Y sets __cause__; implicit chaining sets __context__.
class AppError(Exception):
    pass

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise AppError(f"cannot load {key}") from e

try:
    load("b")
except AppError as e:
    print("error:", e)
    print("cause:", repr(e.__cause__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print("context:", repr(e.__context__), e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
