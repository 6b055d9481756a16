# ChainMap looks keys up through several dicts; writes go to the first.
from collections import ChainMap
defaults = {"color": "red", "user": "guest"}
args = {"user": "ann"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), "color" in cm)
cm["color"] = "blue"
print(args, defaults)
print(cm)
print(cm.get("x", 0), dict(cm))
