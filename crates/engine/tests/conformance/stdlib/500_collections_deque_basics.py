# deque: append/appendleft/pop/popleft, len, indexing, repr.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
print(3 in d, 9 in d, list(d), list(reversed(d)))
