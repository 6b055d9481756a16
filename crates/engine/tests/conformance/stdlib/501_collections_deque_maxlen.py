# A deque with maxlen drops items from the other end; its repr shows maxlen.
from collections import deque
d = deque(maxlen=3)
for i in range(5):
    d.append(i)
    print(d)
d.appendleft(9)
print(d, d.maxlen, deque([1, 2]).maxlen)
d.extend([7, 8])
print(d)
