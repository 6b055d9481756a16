# Slices whose step is near 2**63.
big = 9223372036854775807
print("ab"[1::big])
print([1, 2, 3][::-big])
print((1, 2, 3)[0::big])
l = [1, 2, 3]
del l[1::big]
print(l)
l[0::big] = [9]
print(l)
