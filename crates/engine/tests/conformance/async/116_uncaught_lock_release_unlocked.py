# Releasing an asyncio.Lock nobody holds is a RuntimeError raised inside asyncio's locks module.
import asyncio

async def main():
    lock = asyncio.Lock()
    lock.release()

asyncio.run(main())
