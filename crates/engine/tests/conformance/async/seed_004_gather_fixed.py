# Seed: 004_ba5992cb7ab2e48a.txt, the gather version with its import fixed.
import asyncio
import threading
from datetime import datetime


async def do_async_job():
    await asyncio.sleep(2)
    print(datetime.now().isoformat(), 'thread', threading.current_thread().name)


async def main():
    job1 = do_async_job()
    job2 = do_async_job()
    job3 = do_async_job()
    await asyncio.gather(job1, job2, job3)


asyncio.run(main())
