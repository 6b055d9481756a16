# wait_for on an Event nobody sets: the inner CancelledError ends in Event.wait, the TimeoutError in wait_for.
import asyncio

async def main():
    ready = asyncio.Event()
    await asyncio.wait_for(ready.wait(), timeout=0.5)

asyncio.run(main())
