# Limit concurrency to 3 with a semaphore: 7 jobs of 1s take 3s.
import asyncio
import time

async def job(n, sem):
    async with sem:
        await asyncio.sleep(1)
        return n

async def main():
    sem = asyncio.Semaphore(3)
    start = time.perf_counter()
    results = await asyncio.gather(*(job(n, sem) for n in range(7)))
    print(results, f"{time.perf_counter() - start:.2f}s")

asyncio.run(main())
