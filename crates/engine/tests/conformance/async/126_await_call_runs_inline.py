# An awaited coroutine call that finishes without suspending, one that
# suspends, and one that raises, nested: results, StopIteration turned into
# RuntimeError, tracebacks through the awaits, cancellation while suspended
# deep inside, a coroutine renamed by a decorator, and deep recursion.
import asyncio
import functools


async def add(a, b):
    return a + b


async def twice(x):
    y = await add(x, x)
    return await add(y, 0)


async def sleepy(x, log):
    log.append("sleepy start " + str(x))
    await asyncio.sleep(0)
    log.append("sleepy end " + str(x))
    return x * 10


async def stopper():
    raise StopIteration("inner")


async def fails(n):
    if n == 0:
        raise ValueError("deep")
    return await fails(n - 1)


def renamed(f):
    @functools.wraps(f)
    async def wrapper(*args):
        return await f(*args)

    return wrapper


@renamed
async def slow_named(x):
    await asyncio.sleep(0)
    return x


async def guarded(log):
    try:
        log.append("guarded waits")
        await asyncio.sleep(10)
    finally:
        log.append("guarded finally")


async def outer_guard(log):
    try:
        return await guarded(log)
    finally:
        log.append("outer finally")


async def depth(n):
    if n == 0:
        return 0
    return 1 + await depth(n - 1)


class Box:
    def __init__(self):
        self.items = []

    async def put(self, x):
        self.items.append(x)

    async def get(self):
        if not self.items:
            await asyncio.sleep(0)
        return self.items.pop(0) if self.items else None


async def main():
    log = []
    print(await twice(21))
    results = await asyncio.gather(sleepy(1, log), sleepy(2, log))
    print(results, log)
    print(await sleepy(3, log), log[-2:])
    try:
        await stopper()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__)
    try:
        await fails(3)
    except ValueError as e:
        print("ValueError:", e)
    print(slow_named.__name__, await slow_named(5))
    t = asyncio.create_task(outer_guard(log))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", log[-3:])
    print(await depth(200))
    try:
        await depth(100000)
    except RecursionError as e:
        print("RecursionError")
    b = Box()
    for i in range(5):
        await b.put(i)
    got = [await b.get() for _ in range(6)]
    print(got)
    c = add(1, 2)
    print(type(c).__name__, await c)
    print(await asyncio.create_task(add(3, 4)))
    await fails(2)


asyncio.run(main())
