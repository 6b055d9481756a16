# Seed: 004_ba5992cb7ab2e48a.txt, asyncio.sleep(1) called without await: no wait,
# and a RuntimeWarning on stderr.
import asyncio

async def main():
    asyncio.sleep(1)
    print('hello')

asyncio.run(main())
