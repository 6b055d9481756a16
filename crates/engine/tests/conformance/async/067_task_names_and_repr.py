# Default task names count up; names can be given.
import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    t1 = asyncio.create_task(noop())
    t2 = asyncio.create_task(noop(), name="custom")
    print(t1.get_name(), t2.get_name())
    await asyncio.gather(t1, t2)
    t3 = asyncio.create_task(noop())
    print(t3.get_name())
    await t3
    print(t3)

asyncio.run(main())
