# divmod with big ints.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(divmod(2**100, 3**20))
print(divmod(-2**100, 3**20))
print(divmod(10**30, -7))
show(lambda: divmod(2**70, 0))
show(lambda: 2**70 % 0)
show(lambda: 2**70 // 0)
