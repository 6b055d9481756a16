# Awaiting a task that failed re-raises its exception; the traceback goes through main into the task's coroutine.
import asyncio

async def boom():
    raise ValueError("boom")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    await t

asyncio.run(main())
