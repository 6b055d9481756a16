# * and ** unpacking inside list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *"xy"))
print({*a, *a, 9})
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2})
print({**d2, **d1, "z": 0})
print([*range(3), *{"k": 1}])
first, *_ = [*b, *a]
print(first)
