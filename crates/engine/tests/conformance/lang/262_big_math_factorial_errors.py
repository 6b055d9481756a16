# math.factorial argument errors.
import math
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: math.factorial(-1))
show(lambda: math.factorial(2.5))
print(math.factorial(0), math.factorial(20), math.factorial(21))
