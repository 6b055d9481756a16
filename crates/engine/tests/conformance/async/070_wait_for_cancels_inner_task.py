# wait_for on a task cancels that task on timeout.
import asyncio

async def work():
    try:
        await asyncio.sleep(1)
    finally:
        print("work finally")

async def main():
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(task, 0.25)
    except TimeoutError:
        print("timeout; task cancelled:", task.cancelled())

asyncio.run(main())
