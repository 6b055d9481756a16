# A task cancelled before it ever ran never executes its body.
import asyncio

async def never():
    print("this never prints")

async def main():
    task = asyncio.create_task(never())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before running:", task.cancelled())

asyncio.run(main())
