# Cancelling TimerHandles; a cancelled handle's callback never runs.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(0.1 * i, print, "timer", i) for i in range(1, 5)]
    handles[1].cancel()
    handles[3].cancel()
    soon = loop.call_soon(print, "soon")
    soon.cancel()
    await asyncio.sleep(0.5)
    print([h.cancelled() for h in handles])

asyncio.run(main())
