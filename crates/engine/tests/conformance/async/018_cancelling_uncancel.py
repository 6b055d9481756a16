# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        print("cancelling() =", task.cancelling())
        print("uncancel() ->", task.uncancel())
    await asyncio.sleep(0.1)
    return "survived"

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    task.cancel()
    print("after two cancel() calls:", task.cancelling())
    print(await task, task.cancelling())

asyncio.run(main())
