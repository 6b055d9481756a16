# A coroutine computing blocks the loop: a task's 10 ms sleep ends late.
import asyncio
import time


async def sleeper(start):
    await asyncio.sleep(0.01)
    print(f"woke {time.perf_counter() - start:.4f}")


async def cruncher(start):
    total = 0
    for i in range(300_000):
        total += i
    print(f"crunched {time.perf_counter() - start:.4f}")


async def main():
    start = time.perf_counter()
    loop_start = asyncio.get_running_loop().time()
    await asyncio.gather(sleeper(start), cruncher(start))
    print(f"loop.time {asyncio.get_running_loop().time() - loop_start:.4f}")


asyncio.run(main())
