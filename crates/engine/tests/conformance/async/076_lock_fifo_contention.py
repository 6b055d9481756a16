# Lock waiters acquire in FIFO order.
import asyncio

async def user(name, lock, hold):
    print(name, "wants the lock")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user("a", lock, 0.25), user("b", lock, 0.1), user("c", lock, 0.1))

asyncio.run(main())
