# Awaitable, Coroutine and AsyncIterator annotations in asyncio code.
import asyncio
from typing import Awaitable, Coroutine, AsyncIterator, Any, List
async def ticks(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def collect(src: AsyncIterator[int]) -> List[int]:
    return [i async for i in src]
def later(x: int) -> Coroutine[Any, Any, int]:
    async def inner() -> int:
        await asyncio.sleep(0.2)
        return x
    return inner()
async def main() -> None:
    aw: Awaitable[int] = later(5)
    print(await aw, await collect(ticks(3)))
asyncio.run(main())
