# A TaskGroup failure escaping asyncio.run ends the program with an ExceptionGroup.
import asyncio

async def bad():
    await asyncio.sleep(0.25)
    raise ValueError("bad child")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        tg.create_task(asyncio.sleep(1))

asyncio.run(main())
