# Cancelling the task that awaits gather: the children are cancelled with it.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def parent():
    try:
        return await asyncio.gather(child(1), child(2))
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("main saw parent cancelled")

asyncio.run(main())
