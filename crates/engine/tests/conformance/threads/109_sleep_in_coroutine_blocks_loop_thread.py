# time.sleep inside a coroutine blocks the loop's thread; other threads keep running.
import asyncio
import threading
import time

def ticker():
    for i in range(3):
        print("thread tick", i, time.monotonic())
        time.sleep(0.4)

async def main():
    threading.Thread(target=ticker).start()
    print("coroutine sleeps (blocking)", time.monotonic())
    time.sleep(1)
    print("coroutine wakes", time.monotonic())
    await asyncio.sleep(0.5)
    print("coroutine done", time.monotonic())

asyncio.run(main())
