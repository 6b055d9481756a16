# Seed: 003_c54b0ec6a75473fa.txt, the run_coroutine_threadsafe snippet.
# The original passes the function instead of a coroutine (a bug that kills the
# thread); here the coroutine is created properly. Its thread is the loop's default
# executor instead of threading.Thread. Note that `future` is never set, exactly as in
# the original: after the message the program can never finish.
import asyncio
import time

loop = asyncio.get_event_loop()
future = loop.create_future()

async def main():
    loop.run_in_executor(None, run_coro_after, 1)
    await future
    print('done')

async def sleep_print(t, s):
    await asyncio.sleep(t)
    print(s)

def run_coro_after(t):
    print('sleep')
    time.sleep(t)
    print('run coroutine')
    asyncio.run_coroutine_threadsafe(sleep_print(1, 'message from other thread'), loop=loop)

loop.run_until_complete(main())
