# new_child, parents, maps; deleting a key only in a parent raises KeyError.
from collections import ChainMap
base = ChainMap({"a": 1})
child = base.new_child({"b": 2})
print(child, child.parents, child.maps)
print(list(child), list(child.items()))
try:
    del child["a"]
except KeyError as e:
    print("KeyError", e)
del child["b"]
print(child)
