# wait_for cancels the awaited coroutine when the timeout expires.
import asyncio

async def slow():
    try:
        await asyncio.sleep(2)
        return "finished"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.25)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
