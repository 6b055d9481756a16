# Benchmark (issue #19): 50,000 tasks, each sleeping 10 times (a few
# different delays, so the timer heap is busy). Prints the tasks' total of
# wake-ups and the virtual time at the end.
import asyncio

TASKS = 50_000
SLEEPS = 10


async def sleeper(i, done):
    for k in range(SLEEPS):
        await asyncio.sleep((i + k) % 4 * 0.01)
    done[0] += SLEEPS


async def main():
    done = [0]
    await asyncio.gather(*(sleeper(i, done) for i in range(TASKS)))
    print(done[0], round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
