# as_completed yields awaitables in completion order.
import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    start = time.monotonic()
    coros = [job("slow", 1.5), job("fast", 0.25), job("medium", 1)]
    for next_done in asyncio.as_completed(coros):
        name = await next_done
        print(f"{name} after {time.monotonic() - start:.2f}s")

asyncio.run(main())
