# Sleeping forever: CPython waits forever; the virtual clock reports a hang
# (it used to wrap and resume at once, with a negative loop.time()).
import asyncio


async def main():
    print("start")
    await asyncio.sleep(float("inf"))
    print("woke up", asyncio.get_running_loop().time())


asyncio.run(main())
