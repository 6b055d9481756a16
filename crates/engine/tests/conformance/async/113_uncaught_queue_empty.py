# get_nowait() on an empty queue raises asyncio.queues.QueueEmpty, named with its module.
import asyncio

async def main():
    q = asyncio.Queue()
    q.get_nowait()

asyncio.run(main())
