# AsyncExitStack enters async context managers and awaits async callbacks in reverse.
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager
@asynccontextmanager
async def conn(name):
    print("open", name)
    await asyncio.sleep(0.1)
    yield name
    print("close", name)
async def bye(name):
    await asyncio.sleep(0.1)
    print("bye", name)
async def main():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(conn("a"))
        stack.push_async_callback(bye, "x")
        b = await stack.enter_async_context(conn("b"))
        stack.callback(print, "sync callback")
        print("using", a, b)
    print("done")
asyncio.run(main())
