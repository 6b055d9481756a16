# Two tasks count in a loop, handing over at sleep(0) between rounds.
import asyncio

async def count(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    return name, total

async def main():
    a = asyncio.create_task(count("a", 3))
    b = asyncio.create_task(count("b", 2))
    print(await a, await b)

asyncio.run(main())
