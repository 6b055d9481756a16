# asyncio.run works in a child process: its own event loop, its result sent back through a Pool.
import asyncio
import multiprocessing as mp


async def double(k):
    await asyncio.sleep(0)
    return k * 2


def work(k):
    return asyncio.run(double(k))


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 2, 3]))
