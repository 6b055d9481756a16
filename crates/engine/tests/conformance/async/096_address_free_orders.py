# Orders CPython leaves to memory addresses, fixed by the oracle (see tools/oracle.py):
# all_tasks(), wait()'s sets, as_completed's tasks, TaskGroup and asyncio.run
# cancellations, and async generators closed at shutdown.
import asyncio

async def w(i, d):
    try:
        await asyncio.sleep(d)
    finally:
        print("finally", i)

async def agen(i):
    try:
        yield i
        await asyncio.sleep(5)
        yield i
    finally:
        print("agen closed", i)

async def main():
    ts = [asyncio.create_task(w(i, 10), name=f"t{i}") for i in range(5)]
    print([t.get_name() for t in asyncio.all_tasks()])
    gens = [agen(i) for i in range(3)]
    for g in gens:
        await g.__anext__()
    quick = asyncio.create_task(w(99, 0.1), name="quick")
    done, pending = await asyncio.wait([quick] + ts, timeout=0.5)
    print([t.get_name() for t in done], [t.get_name() for t in pending])
    for c in asyncio.as_completed([asyncio.sleep(0.1, r) for r in "abcd"]):
        print(await c, end=" ")
    print()
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(4):
                tg.create_task(w(100 + i, 10))
            await asyncio.sleep(0.1)
            raise ValueError("body failed")
    except* ValueError:
        print("task group done")
    print("main returns; asyncio.run cancels the rest")

asyncio.run(main())
