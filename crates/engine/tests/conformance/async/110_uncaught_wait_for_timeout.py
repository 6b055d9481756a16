# An uncaught wait_for timeout: TimeoutError chained from the inner CancelledError, with asyncio's own frames as CPython names them.
import asyncio

async def slow():
    await asyncio.sleep(1)

async def main():
    await asyncio.wait_for(slow(), timeout=0.1)

asyncio.run(main())
