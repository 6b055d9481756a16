# Benchmark: 1,000 tasks cancelled while sleeping, repeated 20 times.
import asyncio

async def sleeper(i, log):
    try:
        await asyncio.sleep(10 + i % 5)
    except asyncio.CancelledError:
        log.append(i)
        raise

async def round_of(n):
    log = []
    tasks = [asyncio.create_task(sleeper(i, log)) for i in range(n)]
    await asyncio.sleep(0.1)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
    return cancelled, sum(log)

async def main():
    total = 0
    check = 0
    for _ in range(20):
        cancelled, s = await round_of(1_000)
        total += cancelled
        check += s
    print(total, check, round(asyncio.get_running_loop().time(), 3))

asyncio.run(main())
