# asyncio.run in a thread while the main thread does other work.
import asyncio
import threading
import time

async def main():
    for i in range(3):
        print("async tick", i, time.monotonic())
        await asyncio.sleep(0.5)
    return "async done"

result = {}
t = threading.Thread(target=lambda: result.setdefault("r", asyncio.run(main())))
t.start()
for i in range(2):
    print("main tick", i, time.monotonic())
    time.sleep(0.6)
t.join()
print(result["r"], time.monotonic())
