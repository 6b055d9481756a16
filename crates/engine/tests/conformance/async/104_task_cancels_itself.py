# A task that cancels itself is interrupted at its next await.
import asyncio

async def selfish():
    asyncio.current_task().cancel()
    print("still running until the next await")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled at the await")
        raise

async def main():
    t = asyncio.create_task(selfish())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled =", t.cancelled())

asyncio.run(main())
