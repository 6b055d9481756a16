# join() waits until every item got a task_done().
import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(name, "processed", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for d in (0.25, 0.1, 0.5, 0.1):
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all items processed")
    for w in workers:
        w.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
