# Awaiting a future nobody will ever resolve: the loop can never make progress.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print("waiting forever")
    await fut
    print("never")

asyncio.run(main())
