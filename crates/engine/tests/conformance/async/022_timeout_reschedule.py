# A timeout can be moved with reschedule() while it is active.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.5)
            print("rescheduled to", cm.when())
            await asyncio.sleep(0.25)
            cm.reschedule(loop.time() + 1.5)
            print("pushed back to", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", loop.time())

asyncio.run(main())
