# Awaiting a task cancelled while it slept: the CancelledError's traceback ends in asyncio.sleep.
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel()
    await t

asyncio.run(main())
