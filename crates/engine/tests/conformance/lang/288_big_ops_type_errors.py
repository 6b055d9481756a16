# Unsupported operand errors with big ints.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 2**100 + 'a')
show(lambda: 'a' + 2**100)
show(lambda: 2**100 @ 3)
show(lambda: [1] + 2**100)
show(lambda: 2**100 < 'x')
