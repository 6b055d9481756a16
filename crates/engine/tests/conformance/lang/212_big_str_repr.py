# str and repr of big ints agree.
x = 3**100
print(str(x))
print(repr(-x))
print(str(x) == repr(x), len(str(x)))
