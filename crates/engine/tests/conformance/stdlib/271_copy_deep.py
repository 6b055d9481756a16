# copy.deepcopy: nested lists, dicts, tuples and sets copied all the way down
import copy
data = {"a": [1, [2, 3]], "b": ({"x": 1}, [4]), "c": {5, 6}, "d": (1, 2)}
d2 = copy.deepcopy(data)
d2["a"][1].append(99)
d2["b"][0]["x"] = 2
print(data)
print(d2)
print(d2["d"] is data["d"], d2["b"] is data["b"], d2 == data)
