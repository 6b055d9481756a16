# An exception in a callback is logged by the loop; the loop keeps running.
import asyncio

def bad_callback():
    raise RuntimeError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
