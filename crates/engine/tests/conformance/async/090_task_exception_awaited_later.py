# A task's exception is stored until someone awaits it.
import asyncio

async def failing():
    print("failing runs")
    raise LookupError("stored")

async def main():
    t = asyncio.create_task(failing())
    await asyncio.sleep(0.5)
    print("task done:", t.done())
    try:
        await t
    except LookupError as e:
        print("retrieved later:", e)

asyncio.run(main())
