# More jobs than the default pool's 8 workers: the rest queue up.
import asyncio
import threading
import time

def job(n):
    time.sleep(1)
    return threading.current_thread().name

async def main():
    start = time.monotonic()
    names = await asyncio.gather(*(asyncio.to_thread(job, n) for n in range(10)))
    print(names)
    print(f"took {time.monotonic() - start:.2f}s")

asyncio.run(main())
