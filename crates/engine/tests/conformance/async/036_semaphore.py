# Semaphore(2) lets two workers in at a time.
import asyncio
import time

async def worker(n, sem):
    async with sem:
        print(f"{time.monotonic():.2f} worker {n} in")
        await asyncio.sleep(0.25)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(n, sem) for n in range(5)))
    print("locked?", sem.locked())

asyncio.run(main())
