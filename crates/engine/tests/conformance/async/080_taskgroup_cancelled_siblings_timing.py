# When a child fails, the group cancels the others at once.
import asyncio
import time

async def long(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{time.monotonic():.2f} {name} cancelled")
        raise

async def fail():
    await asyncio.sleep(1.5)
    raise RuntimeError("stop")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long("x"))
            tg.create_task(long("y"))
            tg.create_task(fail())
    except* RuntimeError:
        print(f"{time.monotonic():.2f} group failed")

asyncio.run(main())
