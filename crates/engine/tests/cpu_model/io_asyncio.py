# The same I/O-bound work in 4 asyncio tasks: the waits overlap.
import asyncio
import time


async def fetch(k):
    await asyncio.sleep(0.2)
    return k


async def main():
    await asyncio.gather(*(fetch(k) for k in range(4)))


start = time.perf_counter()
asyncio.run(main())
print(f"elapsed {time.perf_counter() - start:.4f}")
