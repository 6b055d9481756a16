# ** with a negative exponent gives a float.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(2**-100)
print((2**70)**-1)
print(10**-20)
show(lambda: 0**-1)
show(lambda: (2**2000)**-1)
