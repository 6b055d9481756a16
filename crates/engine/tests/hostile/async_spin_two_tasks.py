# Two tasks hand the loop to each other forever after time has passed once:
# the step limit counts from the moment the clock last moved (1.5 s).
import asyncio


async def ping(name):
    n = 0
    while True:
        n += 1
        await asyncio.sleep(0)


async def main():
    await asyncio.sleep(1.5)
    print("waited", flush=True)
    await asyncio.gather(ping("a"), ping("b"))


asyncio.run(main())
