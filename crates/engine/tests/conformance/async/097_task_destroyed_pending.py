# A task still pending when its loop is closed and dropped: CPython logs
# "Task was destroyed but it is pending!" on stderr.
import asyncio

async def forever():
    print("forever starts")
    await asyncio.sleep(3600)
    print("never")

async def main():
    asyncio.get_running_loop().create_task(forever())
    await asyncio.sleep(0.25)
    print("main done")

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print("loop closed with a pending task")
