# An exception escaping asyncio.run in a child process: the child prints it through asyncio's and multiprocessing's frames.
import asyncio
import multiprocessing as mp


async def fail():
    await asyncio.sleep(0)
    raise KeyError("missing")


def work():
    asyncio.run(fail())


if __name__ == "__main__":
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("exitcode", p.exitcode)
