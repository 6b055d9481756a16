# Counters compare as multisets (3.10+): ==, <=, <.
from collections import Counter
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2))
print(Counter("ab") == Counter("ba"))
