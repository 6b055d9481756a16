# Futures can be resolved only once; results are unavailable until done.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        fut.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(fut.result(), fut.cancel(), fut.cancelled())
    other = loop.create_future()
    other.cancel()
    try:
        other.result()
    except asyncio.CancelledError:
        print("result() of a cancelled future raises CancelledError")

asyncio.run(main())
