# Cancelling a sleeping task delivers CancelledError at its await.
import asyncio

async def sleeper():
    print("going to sleep")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("woken by cancellation")
        raise

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.25)
    print("cancel returns", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled(), task.done())
    print("cancel again returns", task.cancel())

asyncio.run(main())
