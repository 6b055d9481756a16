# A failed task nobody awaits: CPython logs "Task exception was never retrieved".
import asyncio

async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("nobody is listening")

async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    print("main finished without awaiting the task")

asyncio.run(main())
