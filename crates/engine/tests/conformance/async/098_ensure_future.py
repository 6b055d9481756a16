# ensure_future wraps a coroutine into a task and returns futures unchanged.
import asyncio

async def value():
    await asyncio.sleep(0.1)
    return "v"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(value())
    print(type(t).__name__, isinstance(t, asyncio.Future))
    fut = loop.create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.set_result("f")
    print(await t, await fut)
    print(asyncio.isfuture(t), asyncio.iscoroutine(value()), asyncio.iscoroutinefunction(value))

asyncio.run(main())
