# timeout(None) never fires.
import asyncio

async def main():
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(1)
    print("expired:", cm.expired(), "when:", cm.when())

asyncio.run(main())
