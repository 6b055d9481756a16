# asyncio.sleep returns its result argument.
import asyncio

async def main():
    value = await asyncio.sleep(0.25, result="rested")
    print(value)
    print(await asyncio.sleep(0))

asyncio.run(main())
