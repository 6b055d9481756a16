# str() of an int beyond 4300 digits raises CPython's ValueError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: len(str(10**4299)))
show(lambda: str(10**4300))
show(lambda: str(-10**4300))
show(lambda: len(repr(10**4299 * 9)))
