# run_in_executor(None, ...) uses the loop's default thread pool.
import asyncio
import threading
import time

def blocking(n):
    name = threading.current_thread().name
    print("start", n, "on", name)
    time.sleep(0.25 * n)
    print("end", n)
    return n * 10

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.run_in_executor(None, blocking, n) for n in (2, 1, 3)]
    print("submitted")
    print(await asyncio.gather(*futs))

asyncio.run(main())
