# add_done_callback / remove_done_callback.
import asyncio

def on_done(fut):
    print("on_done:", fut.result())

def other(fut):
    print("other callback")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    fut.add_done_callback(other)
    fut.add_done_callback(on_done)
    print("removed", fut.remove_done_callback(on_done))
    print("removed", fut.remove_done_callback(on_done))
    fut.set_result("ok")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
