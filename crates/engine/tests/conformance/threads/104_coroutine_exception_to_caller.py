# An exception in a coroutine run by run_coroutine_threadsafe reaches result().
import asyncio
import threading

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("inside the loop")

loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever, daemon=True).start()
fut = asyncio.run_coroutine_threadsafe(fail(), loop)
try:
    fut.result()
except ValueError as e:
    print("caught:", e)
print(repr(fut.exception()))
loop.call_soon_threadsafe(loop.stop)
