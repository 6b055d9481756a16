# reversed() on dicts and their views, with the reverse iterator type names
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
for r in [reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())]:
    print(type(r).__name__)
