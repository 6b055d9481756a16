# gather inside gather.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(name)
    return name

async def group(prefix):
    return await asyncio.gather(job(prefix + "1", 0.2), job(prefix + "2", 0.1))

async def main():
    print(await asyncio.gather(group("a"), group("b"), job("solo", 0.15)))

asyncio.run(main())
