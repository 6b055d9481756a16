# A task that yields to the loop forever: it never blocks the loop for long,
# but the virtual clock never moves, so it used to run ~90 s before a limit.
import asyncio


async def main():
    print("start")
    while True:
        await asyncio.sleep(0)


asyncio.run(main())
