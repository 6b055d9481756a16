# put_nowait() on a full queue raises asyncio.queues.QueueFull.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    q.put_nowait("b")

asyncio.run(main())
