# Counter counts items; missing keys are 0; repr lists most common first.
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], len(c), sorted(c))
print(Counter(), Counter({"x": 2, "y": 5}), Counter(cats=3, dogs=1))
