# time.sleep blocks the whole loop: the heartbeat task stops ticking.
import asyncio
import time

async def heartbeat():
    while True:
        print(f"beat {time.monotonic():.2f}")
        await asyncio.sleep(0.25)

async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.6)
    print("blocking for 1.5s with time.sleep")
    time.sleep(1.5)
    print("unblocked")
    await asyncio.sleep(0.6)
    hb.cancel()

asyncio.run(main())
