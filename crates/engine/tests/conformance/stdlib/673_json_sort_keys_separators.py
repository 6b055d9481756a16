# sort_keys orders keys; separators makes compact output.
import json
d = {"b": 1, "a": {"d": 2, "c": 3}}
print(json.dumps(d, sort_keys=True))
print(json.dumps(d, separators=(",", ":")))
print(json.dumps(d, indent=1, separators=(",", " = "), sort_keys=True))
