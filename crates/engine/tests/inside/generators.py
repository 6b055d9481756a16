# A generator and an async generator inside a task.
import asyncio

def countdown(n):
    while n > 0:
        yield n
        n -= 1

async def ticks(k):
    for i in range(k):
        await asyncio.sleep(0)
        yield i

async def main():
    total = sum(countdown(3))
    got = []
    async for t in ticks(2):
        got.append(t)
    print(total, got)

asyncio.run(main())
