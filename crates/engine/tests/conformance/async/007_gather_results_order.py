# gather returns results in argument order, not completion order.
import asyncio

async def compute(n, delay):
    await asyncio.sleep(delay)
    print("finished", n)
    return n * n

async def main():
    results = await asyncio.gather(compute(1, 0.25), compute(2, 0.1), compute(3, 0.2))
    print(results)
    print(await asyncio.gather())

asyncio.run(main())
