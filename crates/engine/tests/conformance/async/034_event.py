# Event.wait blocks until set; all waiters wake in order.
import asyncio

async def waiter(name, event):
    print(name, "waiting")
    await event.wait()
    print(name, "released")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in "abc"]
    await asyncio.sleep(0.25)
    print("setting, is_set:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    event.clear()
    print("cleared, is_set:", event.is_set())

asyncio.run(main())
