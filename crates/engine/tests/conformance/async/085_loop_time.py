# loop.time() follows the virtual clock.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print(loop.time(), time.monotonic())
    await asyncio.sleep(0.25)
    print(loop.time())
    await asyncio.sleep(1.5)
    print(loop.time(), time.time())

asyncio.run(main())
