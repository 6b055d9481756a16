# A tutorial-style program: random jobs, a heap of deadlines, time stamps and a pretty-printed report
import asyncio
import heapq
import pprint
import random
import time
from functools import lru_cache
random.seed(2024)
@lru_cache(maxsize=None)
def cost(n):
    return n if n < 2 else cost(n - 1) + cost(n - 2)
async def job(name, delay, heap):
    await asyncio.sleep(delay)
    heapq.heappush(heap, (cost(int(delay * 10)), name))
    print(time.strftime("%H:%M:%S"), name, "done")
async def main():
    heap = []
    delays = {f"job{i}": round(random.uniform(0.5, 2.5), 1) for i in range(5)}
    await asyncio.gather(*(job(n, d, heap) for n, d in delays.items()))
    pprint.pprint({"delays": delays, "order": [heapq.heappop(heap) for _ in range(len(heap))]}, width=60)
    print(cost.cache_info())
asyncio.run(main())
