# Nested timeouts: the inner one fires first and is handled inside; then the outer one.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.25):
                    await asyncio.sleep(5)
            except TimeoutError:
                print("inner timeout at", loop.time())
            await asyncio.sleep(5)
    except TimeoutError:
        print("outer timeout at", loop.time())

asyncio.run(main())
