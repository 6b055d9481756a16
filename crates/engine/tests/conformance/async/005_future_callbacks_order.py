# Done callbacks are scheduled with call_soon, in registration order, never inline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))
    loop.call_soon(print, "call_soon before set_result")
    fut.set_result(42)
    print("set_result returned; callbacks not run yet")
    fut.add_done_callback(lambda f: print("callback 3 added after done"))
    await asyncio.sleep(0)
    print("after one loop iteration")

asyncio.run(main())
