# Several waiters on one Event, one of them with a timeout that expires first.
import asyncio

async def waiter(name, event, timeout=None):
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
        print(name, "saw the event")
    except TimeoutError:
        print(name, "gave up")

async def main():
    event = asyncio.Event()
    tasks = [
        asyncio.create_task(waiter("patient", event)),
        asyncio.create_task(waiter("hasty", event, timeout=0.25)),
        asyncio.create_task(waiter("calm", event, timeout=1.5)),
    ]
    await asyncio.sleep(1)
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
