# sys.set_int_max_str_digits changes the digit limit of str() and int(); 0 removes it.
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(sys.get_int_max_str_digits())
show(lambda: sys.set_int_max_str_digits(100))
show(lambda: sys.set_int_max_str_digits(-1))
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
show(lambda: str(10**700))
show(lambda: int("1" * 641))
show(lambda: len(str(10**639)))
sys.set_int_max_str_digits(0)
print(len(str(10**5000)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(maxdigits=4300)
show(lambda: str(10**4300))
