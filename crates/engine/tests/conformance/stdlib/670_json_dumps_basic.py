# json.dumps of the basic types: dict, list, tuple, str, int, float, bool, None.
import json
print(json.dumps({"a": 1, "b": [1, 2.5, None], "c": True, "d": False, "e": "x"}))
print(json.dumps([1, (2, 3), {}], ), json.dumps("hi"), json.dumps(None), json.dumps(3))
