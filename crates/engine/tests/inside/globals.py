# Module globals as a task sees them at each sleep (issue #17).
import asyncio
from asyncio import sleep

counter = 0
names = ["a", "b"]
table = {"x": 1.5, "y": None, (1, 2): {3}}
LIMIT = 3
long_text = "ab" * 60


class Job:
    pass


def helper():
    return 1


async def worker(n):
    global counter, names
    counter += n
    names.append(f"w{n}")
    await asyncio.sleep(0)
    if n == 2:
        names = tuple(names)
    await sleep(0.1)
    counter *= 10


async def main():
    global table, LIMIT
    del table
    await asyncio.gather(worker(1), worker(2))
    LIMIT = -LIMIT
    await asyncio.sleep(0)


asyncio.run(main())
print(counter, names, LIMIT)
