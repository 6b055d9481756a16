# Benchmark (issue #19): a bounded asyncio.Queue (maxsize 64) moving 500,000
# items from 4 producers to 4 consumers. Prints the sum of the items, the
# per-consumer counts' total and whether the sum is the expected one.
import asyncio

ITEMS = 500_000
WORKERS = 4


async def produce(q, first):
    for i in range(first, ITEMS, WORKERS):
        await q.put(i)


async def consume(q, seen):
    total = 0
    count = 0
    while True:
        item = await q.get()
        if item < 0:
            break
        total += item
        count += 1
    seen.append((count, total))


async def main():
    q = asyncio.Queue(maxsize=64)
    seen = []
    consumers = [asyncio.create_task(consume(q, seen)) for _ in range(WORKERS)]
    await asyncio.gather(*(produce(q, p) for p in range(WORKERS)))
    for _ in range(WORKERS):
        await q.put(-1)
    await asyncio.gather(*consumers)
    total = sum(t for _, t in seen)
    print(total, sum(c for c, _ in seen), total == ITEMS * (ITEMS - 1) // 2)


asyncio.run(main())
