# A Future resolved by another task wakes its awaiter.
import asyncio

async def resolver(fut):
    await asyncio.sleep(0.25)
    print("setting the result")
    fut.set_result("hello future")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done())
    asyncio.create_task(resolver(fut))
    print("awaiting")
    value = await fut
    print("got", value, fut.done(), fut.result())

asyncio.run(main())
