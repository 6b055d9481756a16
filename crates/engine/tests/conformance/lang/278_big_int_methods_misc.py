# as_integer_ratio, conjugate, __index__ of big ints.
x = 2**100
print(x.as_integer_ratio(), x.conjugate(), x.__index__(), x.__int__())
print(float(x) == x.__float__())
