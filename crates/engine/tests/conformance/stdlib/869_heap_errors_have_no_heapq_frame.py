# heapq runs in C in CPython: a comparison that fails inside heappush, heappop
# or heapify leaves no heapq frame in the traceback, through the queues too.
import asyncio
import heapq
import queue

h = []
heapq.heappush(h, (2, "b"))
heapq.heappush(h, (1, "a"))
print(heapq.heappop(h), h)
try:
    heapq.heapify([3, "x", 1])
except TypeError as e:
    print("heapify:", e)

q = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    q.put(item)
print([q.get() for _ in range(3)])


async def main():
    aq = asyncio.PriorityQueue()
    await aq.put((2, "two"))
    await aq.put((1, "one"))
    print(await aq.get(), aq.get_nowait())
    await aq.put((1, object()))
    await aq.put((1, object()))

asyncio.run(main())
