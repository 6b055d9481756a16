class AppError(Exception):
    pass
def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError(f"no {key}") from e
def main():
    try:
        load("zz")
    except AppError as e:
        print("caught", e, "cause:", repr(e.__cause__))
    eg = ExceptionGroup("many", [ValueError("v"), TypeError("t")])
    try:
        raise eg
    except* ValueError as g:
        print("values", g.exceptions)
    except* TypeError as g:
        print("types", g.exceptions)
    load("b")
main()
