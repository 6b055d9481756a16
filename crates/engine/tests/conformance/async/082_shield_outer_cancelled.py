# Cancelling the awaiter of shield() does not cancel the shielded task.
import asyncio

async def protected():
    await asyncio.sleep(1)
    print("protected finished")
    return 42

async def waiter(task):
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        print("waiter cancelled; protected cancelled?", task.cancelled())
        raise

async def main():
    inner = asyncio.create_task(protected())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.25)
    w.cancel()
    await asyncio.sleep(0)
    print("result:", await inner)

asyncio.run(main())
