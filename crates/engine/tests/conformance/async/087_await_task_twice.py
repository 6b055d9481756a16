# A finished task can be awaited again; its result stays.
import asyncio

async def job():
    print("job runs once")
    await asyncio.sleep(0.1)
    return "same"

async def main():
    t = asyncio.create_task(job())
    print(await t)
    print(await t)
    print(await asyncio.gather(t, t))

asyncio.run(main())
