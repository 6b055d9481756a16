# The old style: get_event_loop() + run_until_complete().
import asyncio

async def coro():
    print("hello")
    await asyncio.sleep(1)
    print("world")
    return 7

loop = asyncio.get_event_loop()
task = loop.create_task(coro())
print("result:", loop.run_until_complete(task))
print(loop.run_until_complete(asyncio.sleep(0.25, result="slept")))
loop.close()
print("closed:", loop.is_closed())
