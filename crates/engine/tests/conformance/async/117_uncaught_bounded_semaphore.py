# A BoundedSemaphore released more often than acquired raises ValueError.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        pass
    sem.release()

asyncio.run(main())
