# deque equality, concatenation, repetition, copy, clear, remove, setitem, del.
from collections import deque
a = deque([1, 2])
b = a.copy()
b.append(3)
print(a == deque([1, 2]), a == b, a + b, a * 2)
b[0] = 10
del b[1]
print(b)
b.remove(10)
print(b, bool(b))
b.clear()
print(b, bool(b))
