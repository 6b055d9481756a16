# Seed: 004_ba5992cb7ab2e48a.txt, the fixed version with asyncio.run(main()).
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')

asyncio.run(main())
