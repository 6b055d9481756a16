# wait_for with timeout=0 on a coroutine that has not finished: cancelled at once, TimeoutError.
import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(1), 0)

asyncio.run(main())
