# Seed: 004_ba5992cb7ab2e48a.txt, asyncio.create_task() with no running loop:
# RuntimeError: no running event loop (and the coroutine is never awaited).
import asyncio


async def coro():
    print('hello')
    await asyncio.sleep(1)
    print('world')


task = asyncio.create_task(coro())
