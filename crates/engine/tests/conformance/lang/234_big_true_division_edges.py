# True division near the float limits.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 2**1024 / 2)
show(lambda: 2**1100 / 2**1000)
show(lambda: 1 / 2**1074)
show(lambda: 1 / 2**1075)
show(lambda: 3 / 2**1076)
show(lambda: 2**2000 / 3)
show(lambda: 2**100 / 0)
