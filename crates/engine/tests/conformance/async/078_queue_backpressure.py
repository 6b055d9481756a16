# A bounded queue makes a fast producer wait for a slow consumer.
import asyncio
import time

async def producer(q):
    for i in range(4):
        await q.put(i)
        print(f"{time.monotonic():.2f} put {i}")

async def consumer(q):
    for _ in range(4):
        await asyncio.sleep(0.25)
        item = await q.get()
        print(f"{time.monotonic():.2f} got {item}")

async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
