# to_thread runs blocking code in a worker thread while a spinner keeps going.
import asyncio
import time

def blocking_io():
    print("thread: start")
    time.sleep(1)
    print("thread: end")
    return "io result"

async def spinner():
    for ch in "|/-\\|/":
        print("spin", ch)
        await asyncio.sleep(0.25)

async def main():
    spin = asyncio.create_task(spinner())
    result = await asyncio.to_thread(blocking_io)
    print("got", result)
    await spin

asyncio.run(main())
