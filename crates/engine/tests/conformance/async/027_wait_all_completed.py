# wait() with the default ALL_COMPLETED waits for every task.
import asyncio

async def job(n):
    await asyncio.sleep(n / 4)
    print("job", n, "done")
    return n

async def main():
    tasks = {asyncio.create_task(job(n)) for n in (3, 1, 2)}
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), sorted(t.result() for t in done))

asyncio.run(main())
