def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)
    y = yield from other()
    yield 1, 2
    return 5


async def agen():
    yield 1
    await x


async def comp():
    return [await x for x in y], [x async for x in y], {x: await x async for x in y}
