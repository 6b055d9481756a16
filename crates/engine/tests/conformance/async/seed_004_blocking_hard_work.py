# Seed: 004_ba5992cb7ab2e48a.txt, hard_work() with a blocking sleep(10) in each task:
# the loop is blocked 30 s in total. (thread ident replaced by the thread name.)
import asyncio
import threading

from time import sleep


def hard_work():
    print('thread:', threading.current_thread().name)
    sleep(10)


async def do_async_job():
    hard_work()
    await asyncio.sleep(1)
    print('job done!')


async def main():
    task1 = asyncio.create_task(do_async_job())
    task2 = asyncio.create_task(do_async_job())
    task3 = asyncio.create_task(do_async_job())
    await asyncio.gather(task1, task2, task3)


asyncio.run(main())
