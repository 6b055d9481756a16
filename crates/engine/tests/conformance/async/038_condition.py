# Condition: consumers wait until a producer notifies them.
import asyncio

items = []

async def consumer(name, cond):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))

async def producer(cond):
    for i in range(3):
        await asyncio.sleep(0.25)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify()

async def main():
    cond = asyncio.Condition()
    await asyncio.gather(consumer("c1", cond), consumer("c2", cond), consumer("c3", cond), producer(cond))

asyncio.run(main())
