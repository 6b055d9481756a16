# Async generators: async for, early break, aclose.
import asyncio

async def countdown(n):
    try:
        while n > 0:
            yield n
            await asyncio.sleep(0.1)
            n -= 1
    finally:
        print("generator cleanup")

async def main():
    async for i in countdown(3):
        print("got", i)
    gen = countdown(10)
    async for i in gen:
        if i == 9:
            break
        print("first", i)
    await gen.aclose()
    print("closed")

asyncio.run(main())
