# An uncaught asyncio.timeout(): TimeoutError raised from the CancelledError that interrupted the sleep.
import asyncio

async def main():
    async with asyncio.timeout(0.1):
        await asyncio.sleep(1)

asyncio.run(main())
