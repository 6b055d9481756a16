# Each step creates a task that sleeps for a long time and yields: the
# tasks, their coroutines and the loop's timer handles pile up.
import asyncio


async def main():
    print("start")
    while True:
        asyncio.create_task(asyncio.sleep(1000))
        await asyncio.sleep(0)


asyncio.run(main())
