# The same CPU-bound work in 4 asyncio tasks: they never await, so no faster than in a row.
import asyncio
import time


async def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def main():
    await asyncio.gather(*(crunch(2_000_000) for _ in range(4)))


start = time.perf_counter()
asyncio.run(main())
print(f"elapsed {time.perf_counter() - start:.4f}")
