# A worker thread hands results back to the loop with call_soon_threadsafe.
import asyncio
import time

def worker(loop, queue):
    for i in range(3):
        time.sleep(0.25)
        loop.call_soon_threadsafe(queue.put_nowait, i)
    loop.call_soon_threadsafe(queue.put_nowait, None)

async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    job = loop.run_in_executor(None, worker, loop, queue)
    while (item := await queue.get()) is not None:
        print(f"{loop.time():.2f} received {item}")
    await job
    print("worker finished")

asyncio.run(main())
