# Awaiting a coroutine runs it inside the same task, no scheduling.
import asyncio

async def leaf(n):
    print("leaf", n)
    return n + 1

async def middle(n):
    a = await leaf(n)
    b = await leaf(a)
    return b

async def main():
    asyncio.get_running_loop().call_soon(print, "callback")
    print("result", await middle(1))
    print("the callback has not run yet")
    await asyncio.sleep(0)

asyncio.run(main())
