# A producer and two consumers sharing a Queue.
import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0.1)
    for _ in range(2):
        await q.put(None)

async def consumer(name, q):
    while True:
        item = await q.get()
        if item is None:
            break
        print(name, "got", item)
        await asyncio.sleep(0.25)

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer("c1", q), consumer("c2", q))

asyncio.run(main())
