# return_exceptions=True puts exceptions into the result list.
import asyncio

async def job(n):
    await asyncio.sleep(0.1 * n)
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

async def main():
    results = await asyncio.gather(*(job(i) for i in range(4)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)

asyncio.run(main())
