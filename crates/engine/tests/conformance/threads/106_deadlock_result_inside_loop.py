# Waiting for run_coroutine_threadsafe's result inside the loop's own thread: a hang.
import asyncio

async def helper():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    fut = asyncio.run_coroutine_threadsafe(helper(), loop)
    print("waiting on my own loop")
    print(fut.result())

asyncio.run(main())
