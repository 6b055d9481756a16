# Calling a coroutine function without awaiting it: RuntimeWarning on stderr.
import asyncio

async def greet():
    print("this never prints")

async def main():
    greet()
    asyncio.sleep(1)
    print("main done")

asyncio.run(main())
