# pprint.pformat with width and indent; depth cut-off with ...
import pprint
data = {"users": [{"name": "ann", "roles": ["admin", "dev"], "id": 1}, {"name": "bo", "roles": [], "id": 2}], "count": 2}
for width in (20, 40, 80):
    print(pprint.pformat(data, width=width))
print(pprint.pformat(data, indent=4, width=30))
print(pprint.pformat(data, depth=1), pprint.pformat(data, depth=2))
print(pprint.pformat([1, [2, [3, [4]]]], depth=2))
