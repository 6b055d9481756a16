# 1e18 seconds is past the end of virtual time: a hang, never a wrap.
import asyncio


async def main():
    print("start")
    await asyncio.sleep(1e18)
    print("woke up", asyncio.get_running_loop().time())


asyncio.run(main())
