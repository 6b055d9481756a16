# Seed: 004_ba5992cb7ab2e48a.txt, snippet under "設定時限(Timeouts)".
import asyncio


async def do_async_job():
    await asyncio.sleep(2)
    print('never print')


async def main():
    try:
        await asyncio.wait_for(do_async_job(), timeout=1)
    except asyncio.TimeoutError:
        print('timeout!')


asyncio.run(main())
