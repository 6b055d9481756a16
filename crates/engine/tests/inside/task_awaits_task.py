# A task awaits another task, through a helper coroutine; locals of every kind.
import asyncio

class Box:
    def __repr__(self):
        print("never printed by the inspector")
        return "Box()"

async def child(items):
    seen = {"a": [1, 2], "b": (3,)}
    await asyncio.sleep(1)
    return len(items)

async def helper(t):
    note = "waiting for " + t.get_name()
    return await t

async def main():
    t = asyncio.create_task(child(list(range(100))), name="kid")
    box = Box()
    big = "x" * 200
    n = await helper(t)
    print(n)

asyncio.run(main())
