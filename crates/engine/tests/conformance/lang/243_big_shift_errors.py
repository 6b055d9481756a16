# Negative shift counts raise ValueError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 << -1)
show(lambda: 2**70 >> -3)
show(lambda: 2**70 << -(2**70))
print(1 >> 2**70, -1 >> 2**70)
