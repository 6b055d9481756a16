# Sets print in CPython's hash order (PYTHONHASHSEED=0).
print({3, 1, 2})
print({10, 100, 1000, 5, 50})
print(set(), {0}, {-1, -2, 5})
print({"apple", "banana", "cherry"})
print({"a", "b", "c", "d"})
print(set("hello"))
print({(1, 2), (0, 0)})
print(sorted({"pear", "fig", "kiwi"}))
s = {1, 2, 3}
s.add(40)
s.discard(2)
print(s, len(s), 40 in s)
print(frozenset([3, 1]))
