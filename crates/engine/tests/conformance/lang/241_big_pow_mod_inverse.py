# pow(a, -1, m) is the modular inverse; errors as CPython.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(pow(2**70, -1, 7), pow(3, -1, 2**127 - 1))
print(pow(38, -2, 97))
show(lambda: pow(6, -1, 4))
show(lambda: pow(2, 3, 0))
show(lambda: pow(2.0, 3, 5))
