# rotate right and left, extendleft reverses its input, reverse and insert.
from collections import deque
d = deque(range(6))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.extendleft("abc")
print(d)
d.reverse()
print(d)
d.insert(2, "X")
print(d, d.index("X"), d.count(1))
