# sleep(0) and negative sleeps just yield once.
import asyncio

async def other():
    print("other ran")

async def main():
    asyncio.create_task(other())
    await asyncio.sleep(-1)
    print("after negative sleep")
    asyncio.create_task(other())
    await asyncio.sleep(0)
    print("after zero sleep", asyncio.get_running_loop().time())

asyncio.run(main())
