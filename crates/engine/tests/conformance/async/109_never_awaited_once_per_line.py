# "coroutine ... was never awaited" is a RuntimeWarning: CPython's default
# filter prints it once per location, however many coroutines are dropped there.
import asyncio


async def job(n):
    await asyncio.sleep(n)


async def other():
    pass


for i in range(1000):
    job(i)
other()
job(1)
print("done")
