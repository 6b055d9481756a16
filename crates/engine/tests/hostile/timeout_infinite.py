# An infinite timeout never expires (it used to raise TimeoutError at once).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(asyncio.sleep(5, "done"), timeout=float("inf")), loop.time())
    async with asyncio.timeout(float("inf")):
        await asyncio.sleep(1)
    print("timeout(inf) ok", loop.time())


asyncio.run(main())
