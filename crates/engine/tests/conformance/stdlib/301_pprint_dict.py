# pprint of dicts: keys sorted, values aligned after the key, nested containers indented
import pprint
d = {"zeta": 1, "alpha": [1, 2, 3], "mid": {"inner": list(range(15)), "b": "text"}, 3: None}
d.pop(3)
pprint.pprint(d)
pprint.pprint(d, width=40)
pprint.pprint(d, sort_dicts=False, width=50)
pprint.pprint({"k" * 30: "v" * 30, "a": ("t", "u") * 8})
