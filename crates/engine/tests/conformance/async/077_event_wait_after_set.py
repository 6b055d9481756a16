# Waiting on an already set event returns at once; clear() re-arms it.
import asyncio

async def main():
    event = asyncio.Event()
    event.set()
    print(await event.wait())
    event.clear()
    loop = asyncio.get_running_loop()
    loop.call_later(0.25, event.set)
    await event.wait()
    print("set again at", loop.time())

asyncio.run(main())
