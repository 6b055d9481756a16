# A task that never reaches an await: the loop is blocked, and the message
# says so (not the standstill one, although the clock stands still too).
import asyncio


async def main():
    print("start")
    while True:
        pass


asyncio.run(main())
