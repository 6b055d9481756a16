# gather() given a plain value (a forgotten call) raises TypeError from asyncio's _ensure_future.
import asyncio

async def job():
    return 1

async def main():
    await asyncio.gather(job(), 42)

asyncio.run(main())
