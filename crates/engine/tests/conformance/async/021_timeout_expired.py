# asyncio.timeout() raises TimeoutError and expired() reports it.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.25) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout! expired:", cm.expired())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.1)
    print("in time, expired:", cm2.expired())

asyncio.run(main())
