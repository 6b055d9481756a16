# __aenter__/__aexit__ and contextlib.asynccontextmanager.
import asyncio
import contextlib

class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("disconnected", exc_type.__name__ if exc_type else None)
        return False

@contextlib.asynccontextmanager
async def session(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

async def main():
    async with Connection() as c:
        print("using", type(c).__name__)
    async with session("s1") as s:
        print("in session", s)
    try:
        async with Connection():
            raise RuntimeError("oops")
    except RuntimeError as e:
        print("caught", e)

asyncio.run(main())
