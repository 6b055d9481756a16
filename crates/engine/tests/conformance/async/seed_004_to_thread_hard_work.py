# Seed: 004_ba5992cb7ab2e48a.txt, the same with asyncio.to_thread: about 11 s.
# (thread ident replaced by the thread name.)
import asyncio
import threading

from time import sleep


def hard_work():
    print('thread:', threading.current_thread().name)
    sleep(10)


async def do_async_job():
    await asyncio.to_thread(hard_work)
    await asyncio.sleep(1)
    print('job done!')


async def main():
    task1 = asyncio.create_task(do_async_job())
    task2 = asyncio.create_task(do_async_job())
    task3 = asyncio.create_task(do_async_job())
    await asyncio.gather(task1, task2, task3)


asyncio.run(main())
