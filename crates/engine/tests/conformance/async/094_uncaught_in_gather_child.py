# An unhandled error in a gathered coroutine ends the program.
import asyncio

async def step(n):
    await asyncio.sleep(0.1 * n)
    print("step", n)
    if n == 2:
        raise IndexError("step 2 broke")

async def main():
    await asyncio.gather(step(1), step(2), step(3))

asyncio.run(main())
