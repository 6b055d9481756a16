# call_later and call_at schedule callbacks on the loop's clock.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_later(1, print, "call_later 1s")
    loop.call_at(now + 0.25, print, "call_at +0.25s")
    h = loop.call_later(0.5, print, "cancelled, never printed")
    loop.call_later(0.1, print, "call_later 0.1s", "with", "args")
    h.cancel()
    print("handle cancelled:", h.cancelled(), "when:", h.when())
    await asyncio.sleep(1.5)

asyncio.run(main())
