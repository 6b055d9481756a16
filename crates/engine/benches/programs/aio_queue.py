# Benchmark: a bounded Queue passing 100,000 items from 4 producers to 4 consumers.
import asyncio

ITEMS = 100_000
PRODUCERS = 4
CONSUMERS = 4

async def producer(q, start):
    for i in range(start, ITEMS, PRODUCERS):
        await q.put(i)

async def consumer(q, totals, idx):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        totals[idx] += item
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=100)
    totals = [0] * CONSUMERS
    consumers = [asyncio.create_task(consumer(q, totals, i)) for i in range(CONSUMERS)]
    await asyncio.gather(*(producer(q, p) for p in range(PRODUCERS)))
    for _ in range(CONSUMERS):
        await q.put(None)
    await q.join()
    await asyncio.gather(*consumers)
    print(sum(totals), sum(totals) == ITEMS * (ITEMS - 1) // 2)

asyncio.run(main())
