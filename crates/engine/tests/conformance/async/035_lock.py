# Lock serializes the critical sections.
import asyncio

async def worker(name, lock):
    async with lock:
        print(name, "acquired")
        await asyncio.sleep(0.1)
        print(name, "releasing")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker("a", lock), worker("b", lock), worker("c", lock))
    print("locked?", lock.locked())
    await lock.acquire()
    print("locked?", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
