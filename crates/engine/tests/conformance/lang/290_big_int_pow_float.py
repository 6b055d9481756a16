# Big int to a float power and floats to big powers.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(2**100 ** 0.5 if False else (2**100) ** 0.5)
show(lambda: 1.5 ** 2**70)
show(lambda: 0.5 ** 2**70)
show(lambda: (2**2000) ** 0.5)
