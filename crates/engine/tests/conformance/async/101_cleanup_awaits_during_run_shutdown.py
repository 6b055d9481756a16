# A leftover task whose finally block awaits: asyncio.run's cleanup waits for it.
import asyncio
import time

async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{time.monotonic():.2f} cleanup starts")
        await asyncio.sleep(0.25)
        print(f"{time.monotonic():.2f} cleanup done")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)
    print(f"{time.monotonic():.2f} main returns")

asyncio.run(main())
print(f"{time.monotonic():.2f} after run")
