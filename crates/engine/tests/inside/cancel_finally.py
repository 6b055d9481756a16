# A cancelled task runs its finally, which awaits again.
import asyncio

async def worker():
    step = "start"
    try:
        await asyncio.sleep(10)
    finally:
        step = "cleanup"
        await asyncio.sleep(0)
        print("cleaned up")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(main())
