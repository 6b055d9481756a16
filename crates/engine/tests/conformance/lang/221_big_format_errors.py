# Format spec errors on big ints match CPython.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: format(2**100, '.2'))
show(lambda: format(2**100, 'c'))
show(lambda: format(2**100, 's'))
show(lambda: format(2**1100, 'e'))
