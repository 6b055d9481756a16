# Future.result(timeout) from another thread times out while the coroutine runs.
import asyncio
import concurrent.futures
import threading
import time

async def slow():
    await asyncio.sleep(5)
    return "slow"

loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever, daemon=True).start()
fut = asyncio.run_coroutine_threadsafe(slow(), loop)
try:
    fut.result(timeout=1)
except concurrent.futures.TimeoutError:
    print("timed out at", time.monotonic())
print(fut.result(), time.monotonic())
loop.call_soon_threadsafe(loop.stop)
