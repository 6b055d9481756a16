# Each step appends a dict and yields to the loop: the memory budget must
# still be checked (it was re-armed at every task step, so never reached).
import asyncio


async def main():
    held = []
    print("start")
    while True:
        held.append({})
        await asyncio.sleep(0)


asyncio.run(main())
