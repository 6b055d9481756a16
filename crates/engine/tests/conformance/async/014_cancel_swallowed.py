# A task that swallows CancelledError keeps running and is not cancelled.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ignoring the cancellation")
    await asyncio.sleep(0.5)
    return "finished anyway"

async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    result = await task
    print(result, task.cancelled(), task.cancelling())

asyncio.run(main())
