# indent as a number of spaces or a string, including 0; empty containers stay compact.
import json
data = {"name": "x", "tags": ["a", "b"], "empty": [], "obj": {}, "nested": {"k": [1, {"z": None}]}}
print(json.dumps(data, indent=2))
print(json.dumps([1, [2]], indent=0))
print(json.dumps({"a": [1]}, indent="\t"))
