# float() of an int too large raises OverflowError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: float(2**1024))
show(lambda: float(-2**1024))
show(lambda: 2**1024 + 1.0)
show(lambda: 1.5 * 10**400)
show(lambda: float(2**1024 - 2**970))
