# int() of huge floats and its errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(int(1e300) % 10**10)
print(int(2.0**100) == 2**100)
show(lambda: int(float('inf')))
show(lambda: int(float('nan')))
