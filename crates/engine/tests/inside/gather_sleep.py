# Three workers under gather take turns at sleep(0); one sleeps for real.
import asyncio

async def worker(n):
    total = n * 10
    label = f"w{n}"
    await asyncio.sleep(0)
    total += 1
    await asyncio.sleep(0.5)
    return total

async def main():
    results = await asyncio.gather(worker(1), worker(2), worker(3))
    print(results)

asyncio.run(main())
