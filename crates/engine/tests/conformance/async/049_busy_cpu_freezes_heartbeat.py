# A CPU-bound loop never yields: the heartbeat waits; it takes no virtual time.
import asyncio
import time

async def heartbeat():
    for _ in range(4):
        print(f"beat {time.monotonic():.2f}")
        await asyncio.sleep(0.25)

async def crunch():
    await asyncio.sleep(0.3)
    print("crunching")
    total = 0
    for i in range(200000):
        total += i % 7
    print("crunched", total)

async def main():
    await asyncio.gather(heartbeat(), crunch())

asyncio.run(main())
