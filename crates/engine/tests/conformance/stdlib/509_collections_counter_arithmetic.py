# Counter + - & | and unary + - keep only positive counts.
from collections import Counter
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=-1)
print(a + b)
print(a - b)
print(a & b)
print(a | b)
print(+b, -b)
