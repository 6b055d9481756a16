# Popping an empty deque, a bad index, removing a missing value.
from collections import deque
d = deque()
for op in (d.pop, d.popleft):
    try:
        op()
    except IndexError as e:
        print(type(e).__name__, e)
try:
    deque([1])[5]
except IndexError as e:
    print(e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print(e)
