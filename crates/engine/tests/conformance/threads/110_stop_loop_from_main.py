# A loop thread with a periodic task, stopped from the main thread after the task ended.
import asyncio
import threading
import time

async def heartbeat():
    for _ in range(3):
        print("beat", asyncio.get_running_loop().time())
        await asyncio.sleep(0.3)

loop = asyncio.new_event_loop()

def run():
    loop.create_task(heartbeat())
    loop.run_forever()

t = threading.Thread(target=run)
t.start()
time.sleep(1)
loop.call_soon_threadsafe(loop.stop)
t.join()
print("stopped at", time.monotonic())
