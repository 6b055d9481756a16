# A class implementing __aiter__/__anext__.
import asyncio

class Ticker:
    def __init__(self, n, delay):
        self.i = 0
        self.n = n
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i

async def main():
    async for value in Ticker(3, 0.25):
        print("tick", value)
    print("done")

asyncio.run(main())
