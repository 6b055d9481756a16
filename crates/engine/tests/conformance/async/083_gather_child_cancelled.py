# If a child of gather is cancelled, gather raises CancelledError.
import asyncio

async def child(n):
    await asyncio.sleep(n)
    return n

async def main():
    t1 = asyncio.create_task(child(0.5))
    t2 = asyncio.create_task(child(1))
    g = asyncio.gather(t1, t2)
    await asyncio.sleep(0.1)
    t1.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; t2 done?", t2.done())
    print(await t2)

asyncio.run(main())
