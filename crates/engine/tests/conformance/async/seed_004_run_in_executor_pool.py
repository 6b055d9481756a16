# Seed: 004_ba5992cb7ab2e48a.txt, the loop.run_in_executor + ThreadPoolExecutor() version.
# (thread ident replaced by the thread name.)
import asyncio
import concurrent.futures
import threading

from time import sleep


def hard_work():
    print('thread:', threading.current_thread().name)
    sleep(10)


async def do_async_job(loop, pool):
    await loop.run_in_executor(pool, hard_work)
    await asyncio.sleep(1)
    print('job done!')


async def main():
    loop = asyncio.get_event_loop()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        task1 = asyncio.create_task(do_async_job(loop, pool))
        task2 = asyncio.create_task(do_async_job(loop, pool))
        task3 = asyncio.create_task(do_async_job(loop, pool))
        await asyncio.gather(task1, task2, task3)


asyncio.run(main())
