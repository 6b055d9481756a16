# Seed: 004_ba5992cb7ab2e48a.txt, the wait_for "second plan" template: the `await ...`
# placeholders are filled with sleeps (the first plan needs 2 s, more than its 1 s
# budget; the second plan needs 0.5 s of its 2 s).
import asyncio


async def do_async_job():
    await asyncio.sleep(2)
    print('first plan finished')

async def do_async_job_2nd_plan():
    await asyncio.sleep(0.5)
    print('second plan finished')

async def main():
    try:
        await asyncio.wait_for(do_async_job(), timeout=1)
    except asyncio.TimeoutError:
        await asyncio.wait_for(do_async_job_2nd_plan(), timeout=2)


asyncio.run(main())
