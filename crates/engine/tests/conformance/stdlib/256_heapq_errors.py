# heapq errors: a non-list heap and items that cannot be compared
import heapq
for f, args in ((heapq.heappush, ((), 1)), (heapq.heapify, ("abc",)), (heapq.heappop, (None,))):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
h = [1]
try:
    heapq.heappush(h, "x")
except TypeError as e:
    print("TypeError", e)
