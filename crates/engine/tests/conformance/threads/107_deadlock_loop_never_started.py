# Submitting to a loop that nobody runs, then waiting: a hang.
import asyncio

async def work():
    return 42

loop = asyncio.new_event_loop()
fut = asyncio.run_coroutine_threadsafe(work(), loop)
print("submitted to a loop that is not running")
print(fut.result())
