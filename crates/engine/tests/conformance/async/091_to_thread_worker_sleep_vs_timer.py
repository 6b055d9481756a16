# A worker waking at the same instant as a timer runs first.
import asyncio
import time

def worker():
    time.sleep(0.5)
    print("worker woke", time.monotonic())
    return "w"

async def timer_task():
    await asyncio.sleep(0.5)
    print("timer task woke", time.monotonic())
    return "t"

async def main():
    print(await asyncio.gather(asyncio.to_thread(worker), timer_task()))

asyncio.run(main())
