# float() of big ints, exact where representable.
print(float(2**100))
print(float(2**53 + 1), float(2**53 + 3))
print(float(-3**200))
print(float(2**1023))
