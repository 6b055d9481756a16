# Timers with the same deadline fire in creation order.
import asyncio

async def sleeper(name):
    await asyncio.sleep(0.5)
    print(name)

async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_later(0.25, print, "timer", i)
    await asyncio.gather(*(sleeper(f"task {i}") for i in range(5)))

asyncio.run(main())
