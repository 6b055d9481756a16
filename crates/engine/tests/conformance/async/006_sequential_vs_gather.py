# Awaiting one after another adds up; gather overlaps the waits.
import asyncio
import time

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"

async def main():
    start = time.perf_counter()
    a = await fetch("a", 1)
    b = await fetch("b", 1.5)
    print(a, b, f"sequential: {time.perf_counter() - start:.2f}s")
    start = time.perf_counter()
    results = await asyncio.gather(fetch("a", 1), fetch("b", 1.5))
    print(results, f"gather: {time.perf_counter() - start:.2f}s")

asyncio.run(main())
