# call_soon callbacks run FIFO; callbacks added while running wait one iteration.
import asyncio

def cb(loop, name, depth):
    print("callback", name, depth)
    if depth < 2:
        loop.call_soon(cb, loop, name, depth + 1)

async def main():
    loop = asyncio.get_running_loop()
    for name in "xyz":
        loop.call_soon(cb, loop, name, 0)
    for i in range(4):
        print("main iteration", i)
        await asyncio.sleep(0)

asyncio.run(main())
