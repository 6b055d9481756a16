# defaultdict creates missing values with its factory; repr shows the factory.
from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d)
print(d["a"], "c" in d, d.get("c"), len(d))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, dict(counts))
