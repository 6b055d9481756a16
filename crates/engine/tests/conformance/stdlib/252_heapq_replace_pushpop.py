# heapq.heapreplace and heappushpop: which item comes back and the heap afterwards
import heapq
h = [1, 3, 5, 7, 9]
print(heapq.heapreplace(h, 4), h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 6), h)
print(heapq.heappushpop([], 5))
for f in (heapq.heappop, lambda h: heapq.heapreplace(h, 1)):
    try:
        f([])
    except IndexError as e:
        print("IndexError", e)
