# wait(timeout=...) returns what is done so far; nothing is cancelled.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (0.1, 0.25, 1.5)]
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print(sorted(t.result() for t in done), len(pending))
    print("still running:", [t.done() for t in tasks])
    await asyncio.wait(pending)
    print("now:", [t.result() for t in tasks])

asyncio.run(main())
