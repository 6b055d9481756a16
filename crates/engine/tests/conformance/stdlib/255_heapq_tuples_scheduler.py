# heapq with (priority, count, task) tuples: a tiny scheduler popping in priority then FIFO order
import heapq
import itertools
pq = []
counter = itertools.count()
for prio, task in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat"), (2, "code")]:
    heapq.heappush(pq, (prio, next(counter), task))
print(pq)
while pq:
    prio, _, task = heapq.heappop(pq)
    print(prio, task)
