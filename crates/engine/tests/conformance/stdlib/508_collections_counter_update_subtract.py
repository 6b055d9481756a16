# update adds counts, subtract removes them (counts may go negative), total sums them.
from collections import Counter
c = Counter(a=3, b=1)
c.update("aab")
c.update({"c": 2})
print(c, c.total())
c.subtract({"a": 10, "b": 1})
print(c, c.total())
c.subtract(["c"])
print(c)
