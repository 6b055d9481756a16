# A new task's first step is queued with call_soon, behind callbacks queued before it.
import asyncio

async def child():
    print("child runs")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    task = asyncio.create_task(child())
    loop.call_soon(print, "callback 2")
    print("main continues before anything else")
    await asyncio.sleep(0)
    print("main resumed")
    await task

asyncio.run(main())
