# wait_for returns the result when it finishes in time.
import asyncio

async def quick(x):
    await asyncio.sleep(0.1)
    return x * 2

async def main():
    print(await asyncio.wait_for(quick(21), timeout=1.5))
    print(await asyncio.wait_for(quick(5), timeout=None))
    loop = asyncio.get_running_loop()
    print(round(loop.time(), 3))

asyncio.run(main())
