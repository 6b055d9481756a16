# An exception escaping main() propagates out of asyncio.run.
import asyncio

async def helper():
    await asyncio.sleep(0.25)
    raise KeyError("config")

async def main():
    print("main starts")
    await helper()
    print("never")

asyncio.run(main())
