# pprint with compact=True packs several items per line
import pprint
pprint.pprint(list(range(50)), compact=True)
pprint.pprint([["x" * 8] * 3] * 5, compact=True, width=40)
pprint.pprint({"a": list(range(30))}, compact=True, width=30)
