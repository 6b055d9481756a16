# BoundedSemaphore refuses to be released more often than acquired.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("inside, locked:", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain semaphore allows it; value now 2:", not plain.locked())

asyncio.run(main())
