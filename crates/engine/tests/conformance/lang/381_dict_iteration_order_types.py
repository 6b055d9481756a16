# dict and view iterators, their type names, and iterating a view of a changing dict
d = {"x": 1, "y": 2}
ks, vs, its = iter(d.keys()), iter(d.values()), iter(d.items())
print(type(ks).__name__, type(vs).__name__, type(its).__name__, next(ks), next(vs), next(its))
view = d.keys()
d["z"] = 3
print(list(view), len(view), "z" in view)
