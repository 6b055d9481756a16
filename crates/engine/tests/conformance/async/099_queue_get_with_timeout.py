# Waiting for a queue item with a deadline: wait_for(queue.get(), timeout).
import asyncio

async def late_producer(q):
    await asyncio.sleep(1.5)
    await q.put("late item")

async def main():
    q = asyncio.Queue()
    producer = asyncio.create_task(late_producer(q))
    for attempt in range(3):
        try:
            item = await asyncio.wait_for(q.get(), timeout=0.5)
            print("got", item, "on attempt", attempt)
            break
        except TimeoutError:
            print("nothing yet at", asyncio.get_running_loop().time())
    await producer
    print("queue size", q.qsize())

asyncio.run(main())
