# A producer thread feeds an asyncio queue through call_soon_threadsafe.
import asyncio
import threading
import time

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()

    def producer():
        for i in range(3):
            time.sleep(0.5)
            loop.call_soon_threadsafe(q.put_nowait, i)
        loop.call_soon_threadsafe(q.put_nowait, None)

    threading.Thread(target=producer).start()
    while (item := await q.get()) is not None:
        print("got", item, loop.time())

asyncio.run(main())
