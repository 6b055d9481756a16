# List, tuple and dict displays and their reprs.
print([], [1, "two", 3.0, None, True])
print((), (1,), (1, 2), tuple("ab"))
print({}, {"a": 1, "b": [1, 2], 3: (4,)})
nested = {"users": [{"name": "x", "tags": ("a",)}]}
print(nested)
print([[]], [()], [{}], ([],))
d = {"b": 1, "a": 2}
d["c"] = 3
print(d, list(d), list(d.values()))
print({1: "int", 1.0: "float", True: "bool"})
print(["quote's", 'dq"'])
