# Re-raising CancelledError after cleanup marks the task cancelled.
import asyncio

async def worker():
    try:
        while True:
            await asyncio.sleep(0.25)
            print("working")
    except asyncio.CancelledError:
        print("cleaning up")
        raise
    finally:
        print("finally")

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.6)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("cancelled:", task.cancelled())

asyncio.run(main())
