# TaskGroup waits for all its children.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.25))
        t2 = tg.create_task(job("b", 0.1))
        print("tasks created")
    print("group finished:", t1.result(), t2.result())

asyncio.run(main())
