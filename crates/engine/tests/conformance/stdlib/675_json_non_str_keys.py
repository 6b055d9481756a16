# int, float, bool and None keys become strings; other keys raise TypeError unless skipkeys.
import json
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
try:
    json.dumps({(1, 2): "x"})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): "x", "ok": 1}, skipkeys=True))
