# A task's done callbacks run after it finishes.
import asyncio

async def job():
    await asyncio.sleep(0.25)
    return "value"

def report(task):
    print("callback:", task.get_name(), task.result())

async def main():
    t = asyncio.create_task(job(), name="job")
    t.add_done_callback(report)
    print("awaiting")
    print("awaited:", await t)
    await asyncio.sleep(0)

asyncio.run(main())
