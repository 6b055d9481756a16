# Seed: 003_c54b0ec6a75473fa.txt, the run_in_executor snippet (sleeps(10) in a ThreadPoolExecutor()).
import asyncio

from concurrent.futures import ThreadPoolExecutor
from time import sleep

async def main():
    async def sleeps(n):
        print('start sleep')
        executor = ThreadPoolExecutor()
        loop = asyncio.get_running_loop()
        futures = [loop.run_in_executor(executor, sleep, 1) for _ in range(n)]
        await asyncio.gather(*futures)
        print('end sleep')

    wakeup = asyncio.Task(sleeps(10))
    await asyncio.sleep(0)

    print('asyncio 好好用')

    await wakeup
    print('早安安')

asyncio.run(main())
