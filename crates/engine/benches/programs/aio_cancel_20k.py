# Benchmark (issue #19): 20,000 sleeping tasks cancelled at once. Prints
# how many were cancelled, a checksum of the ones that saw CancelledError,
# and the virtual time at the end.
import asyncio

TASKS = 20_000


async def sleeper(i, seen):
    try:
        await asyncio.sleep(100 + i % 7)
    except asyncio.CancelledError:
        seen.append(i)
        raise


async def main():
    seen = []
    tasks = [asyncio.create_task(sleeper(i, seen)) for i in range(TASKS)]
    await asyncio.sleep(1)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(1 for r in results if isinstance(r, asyncio.CancelledError))
    print(cancelled, sum(seen) % 1_000_003, round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
