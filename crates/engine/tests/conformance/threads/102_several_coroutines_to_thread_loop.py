# Several coroutines handed to a loop thread run concurrently there.
import asyncio
import threading
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"

loop = asyncio.new_event_loop()
t = threading.Thread(target=loop.run_forever, daemon=True)
t.start()
futs = [asyncio.run_coroutine_threadsafe(job(n, d), loop) for n, d in [("a", 2), ("b", 1), ("c", 3)]]
for f in futs:
    print(f.result())
print(f"total {time.monotonic():.1f} s")
loop.call_soon_threadsafe(loop.stop)
t.join()
