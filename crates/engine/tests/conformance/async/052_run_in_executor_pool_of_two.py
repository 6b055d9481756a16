# A ThreadPoolExecutor(max_workers=2): the third job waits for a free worker.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def blocking(n):
    print(f"{time.monotonic():.2f} job {n} starts")
    time.sleep(1)
    print(f"{time.monotonic():.2f} job {n} ends")
    return n

async def ticker():
    for _ in range(5):
        print(f"{time.monotonic():.2f} tick")
        await asyncio.sleep(0.5)

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(
            ticker(), *(loop.run_in_executor(pool, blocking, n) for n in range(3))
        )
    print(results)

asyncio.run(main())
