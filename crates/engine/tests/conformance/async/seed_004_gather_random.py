# Seed: 004_ba5992cb7ab2e48a.txt, gather return values (random.randint; seeded by the oracle).
import asyncio
import random


async def do_async_job():
    await asyncio.sleep(2)
    return random.randint(1, 10)


async def main():
    job1 = do_async_job()
    job2 = do_async_job()
    job3 = do_async_job()
    return_values = await asyncio.gather(job1, job2, job3)
    for v in return_values:
        print('result =>', v)


asyncio.run(main())
