# int() of a string beyond 4300 digits raises CPython's ValueError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: int('1' * 4300) % 1000)
show(lambda: int('1' * 4301))
show(lambda: int('-' + '2' * 5000))
show(lambda: int('f' * 5000, 16) % 1000)
