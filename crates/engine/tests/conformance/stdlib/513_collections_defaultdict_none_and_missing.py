# Without a factory a missing key raises KeyError; default_factory can be read and changed.
from collections import defaultdict
d = defaultdict()
print(d, d.default_factory)
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
d.default_factory = lambda: "?"
print(d["x"], d)
dd = defaultdict(lambda: defaultdict(int))
dd["a"]["b"] += 2
print(dict(dd["a"]))
