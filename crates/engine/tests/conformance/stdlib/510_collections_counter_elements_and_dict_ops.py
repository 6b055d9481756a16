# elements repeats each key by its count; items/keys/values/del/get/in work as for dict.
from collections import Counter
c = Counter(x=2, y=0, z=3)
print(sorted(c.elements()), list(c.items()), list(c.values()))
del c["z"]
print(c, c.get("q"), "x" in c, "q" in c)
c["w"] += 1
print(c)
