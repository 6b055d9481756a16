# asyncio.run cancels tasks still pending when main returns; their finally blocks run.
import asyncio

async def background(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run")
        raise
    finally:
        print(name, "finally")

async def main():
    asyncio.create_task(background("bg1"))
    asyncio.create_task(background("bg2"))
    await asyncio.sleep(0.25)
    print("main returns")

asyncio.run(main())
print("after asyncio.run")
