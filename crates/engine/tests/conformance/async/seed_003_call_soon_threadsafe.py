# Seed: 003_c54b0ec6a75473fa.txt, the call_soon_threadsafe snippet.
# The original starts a threading.Thread before run_until_complete; here the same
# function runs in the loop's default executor (run_in_executor), which is a worker
# thread too, started from main.
import asyncio
import time

loop = asyncio.get_event_loop()
future = loop.create_future()

async def main():
    loop.run_in_executor(None, set_future)
    await future
    print('done')

def set_future():
    print('sleep')
    time.sleep(1)
    print('set_result')
    loop.call_soon_threadsafe(future.set_result, None)

loop.run_until_complete(main())
