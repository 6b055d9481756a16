# timeout_at uses an absolute deadline on the loop's clock.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.5
    try:
        async with asyncio.timeout_at(deadline):
            for i in range(10):
                await asyncio.sleep(0.5)
                print("step", i, loop.time())
    except TimeoutError:
        print("deadline reached at", loop.time())

asyncio.run(main())
