# A timeout of 1e10 seconds (past the end of virtual time) never expires.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(asyncio.sleep(5, "done"), timeout=1e10), loop.time())
    async with asyncio.timeout(1e10):
        await asyncio.sleep(1)
    print("timeout(1e10) ok", loop.time())


asyncio.run(main())
