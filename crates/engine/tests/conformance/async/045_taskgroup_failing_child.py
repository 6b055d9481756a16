# A failing child cancels its siblings; the group raises an ExceptionGroup.
import asyncio

async def ok(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def bad():
    await asyncio.sleep(0.25)
    raise ValueError("child failed")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("fast", 0.1))
            tg.create_task(bad())
            tg.create_task(ok("slow", 1))
    except ExceptionGroup as eg:
        print("caught:", eg)
        print([repr(e) for e in eg.exceptions])

asyncio.run(main())
