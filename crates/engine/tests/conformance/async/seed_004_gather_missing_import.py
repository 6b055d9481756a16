# Seed: 004_ba5992cb7ab2e48a.txt, the gather version exactly as published: it forgot
# `from datetime import datetime`, so the first job to wake raises NameError.
# (thread ident replaced by the thread name, as above.)
import asyncio
import threading


async def do_async_job():
    await asyncio.sleep(2)
    print(datetime.now().isoformat(), 'thread', threading.current_thread().name)


async def main():
    job1 = do_async_job()
    job2 = do_async_job()
    job3 = do_async_job()
    await asyncio.gather(job1, job2, job3)


asyncio.run(main())
