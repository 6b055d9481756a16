# asyncio.exceptions and asyncio.events exist as in CPython's package: the same classes and functions, reachable by the longer names.
import asyncio

async def main():
    print(asyncio.exceptions.CancelledError is asyncio.CancelledError)
    print(asyncio.exceptions.TimeoutError is TimeoutError)
    print(asyncio.events.get_running_loop() is asyncio.get_running_loop())
    print(asyncio.CancelledError.__module__, asyncio.QueueFull.__module__)
    try:
        raise asyncio.CancelledError()
    except BaseException as e:
        import traceback
        print(traceback.format_exception_only(e))

asyncio.run(main())
