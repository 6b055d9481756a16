# A finally block may itself await after cancellation.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("finally starts cleanup")
        await asyncio.sleep(0.25)
        print("cleanup finished")

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation")

asyncio.run(main())
