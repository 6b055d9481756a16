# LifoQueue returns the newest item first; PriorityQueue the smallest.
import queue

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(8)])
print([pq.get()[1] for _ in range(8)])
