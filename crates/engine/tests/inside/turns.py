# Three tasks take turns: each runs a line or two, then hands over at sleep(0).
import asyncio

async def counter(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

async def main():
    a = asyncio.create_task(counter("a", 2))
    b = asyncio.create_task(counter("b", 3))
    c = asyncio.create_task(counter("c", 1))
    await asyncio.sleep(0)
    done = [await t for t in (a, b, c)]
    print(done)

asyncio.run(main())
