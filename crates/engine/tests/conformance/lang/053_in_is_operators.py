# Membership (in, not in) and identity (is, is not).
print(2 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "z" in "hello", "" in "abc")
print("k" in {"k": 1}, 1 in {"k": 1}, 3 in {1, 2, 3}, 2 in range(0, 10, 2))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(a) is list)
print((1, 2) in [(1, 2), (3, 4)])
