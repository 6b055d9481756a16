# Seed: 004_ba5992cb7ab2e48a.txt, snippet under "async with" (AsyncContextManager).
import asyncio


class AsyncContextManager:
    def __init__(self):
        self.loop = asyncio.get_event_loop()

    async def __aenter__(self):
        print('entering context')
        return self.loop.create_future()

    async def __aexit__(self, exc_type, exc, tb):
        print('exiting context')
        return self.loop.create_future()


async def main():
    async with AsyncContextManager() as acm:
        print('in context')


asyncio.run(main())
