# Benchmark: gather of 10,000 tasks, each sleeping 10 times (virtual time: 10 x 0.01 s).
import asyncio

async def sleeper(i):
    total = 0
    for k in range(10):
        await asyncio.sleep(0.001 * (1 + (i + k) % 10))
        total += k
    return total + i

async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(10_000)))
    loop = asyncio.get_running_loop()
    print(len(results), sum(results), round(loop.time(), 3))

asyncio.run(main())
