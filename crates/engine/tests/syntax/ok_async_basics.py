import asyncio


async def worker(name, delay=0.1, *, retries=3):
    for attempt in range(retries):
        await asyncio.sleep(delay)
        print(f"{name} attempt {attempt}")
    return name


async def main():
    results = await asyncio.gather(worker("a"), worker("b", 0.2))
    print(results)


asyncio.run(main())
