# dict methods and views.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"c": 3}, d=4)
print(d)
print(d.pop("a"), d.pop("zz", None), d)
print(d.setdefault("b", 100), d.setdefault("e", 5), d)
print(d.popitem(), d)
copy = d.copy()
d.clear()
print(d, copy, len(copy))
print(dict.fromkeys(["x", "y"], 0))
for k, v in copy.items():
    print(k, "->", v)
print("b" in copy, "z" in copy)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e)
