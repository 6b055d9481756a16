# A loop runs in a worker thread; the main thread hands it a coroutine and waits.
import asyncio
import threading
import time

async def compute(x):
    await asyncio.sleep(1)
    return x * 2

loop = asyncio.new_event_loop()
t = threading.Thread(target=loop.run_forever, daemon=True)
t.start()
fut = asyncio.run_coroutine_threadsafe(compute(21), loop)
print("submitted")
print(fut.result(), time.monotonic())
loop.call_soon_threadsafe(loop.stop)
t.join()
print("loop stopped:", not loop.is_running())
loop.close()
