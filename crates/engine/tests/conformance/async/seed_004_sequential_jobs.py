# Seed: 004_ba5992cb7ab2e48a.txt, three do_async_job() awaited one after another.
# threading.current_thread().ident (a real OS id) is replaced by the thread's name.
import asyncio
import threading
from datetime import datetime


async def do_async_job():
    await asyncio.sleep(2)
    print(datetime.now().isoformat(), 'thread', threading.current_thread().name)


async def main():
    await do_async_job()
    await do_async_job()
    await do_async_job()


asyncio.run(main())
