# wait(FIRST_EXCEPTION) returns when a task raises.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name + " failed")
    return name

async def main():
    tasks = [
        asyncio.create_task(job("a", 0.1)),
        asyncio.create_task(job("b", 0.25, fail=True)),
        asyncio.create_task(job("c", 1)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in tasks:
        if t in done:
            print("done", t.exception() or t.result())
        else:
            print("pending", t.done())
    await asyncio.wait(pending)
    print("all finished:", [t.done() for t in tasks])

asyncio.run(main())
