# The first exception propagates out of gather; siblings keep running.
import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name

async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")

async def main():
    try:
        await asyncio.gather(ok("a", 0.1), fail(0.25), ok("b", 1))
    except ValueError as e:
        print("gather raised:", e)
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
