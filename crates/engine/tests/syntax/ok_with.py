with open("f") as f, open("g") as g:
    pass

with (open("a") as a, open("b") as b,):
    pass

with (yield_) as y:
    pass

with a, b:
    pass

with (a, b) as c:
    pass


async def f():
    async with lock:
        pass
    async with a as (x, y), b:
        pass
    async for item in aiter_():
        print(item)
    else:
        pass
