# current_task, all_tasks, task names.
import asyncio

async def worker():
    me = asyncio.current_task()
    print("I am", me.get_name())
    await asyncio.sleep(0.1)

async def main():
    print("main is", asyncio.current_task().get_name())
    t1 = asyncio.create_task(worker(), name="worker-1")
    t2 = asyncio.create_task(worker())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    t2.set_name("renamed")
    await asyncio.gather(t1, t2)
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
