# result() and exception() on finished, failed and cancelled tasks.
import asyncio

async def good():
    return 1

async def bad():
    raise ZeroDivisionError("nope")

async def slow():
    await asyncio.sleep(1)

async def main():
    g = asyncio.create_task(good())
    b = asyncio.create_task(bad())
    s = asyncio.create_task(slow())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    print(g.done(), g.result(), g.exception())
    print(b.done(), repr(b.exception()))
    print(s.done(), s.cancelled())
    try:
        s.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled task raises CancelledError")
    try:
        b.result()
    except ZeroDivisionError as e:
        print("result() re-raised", e)

asyncio.run(main())
