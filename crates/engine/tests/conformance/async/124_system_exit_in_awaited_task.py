# SystemExit raised inside a task ends the program even though main() awaits
# that task inside try/except: Task.__step re-raises it out of the event loop.
import asyncio


async def child():
    await asyncio.sleep(0.1)
    print("child exits")
    raise SystemExit(4)


async def main():
    t = asyncio.create_task(child())
    try:
        await t
    except SystemExit as e:
        print("caught", e.code)
    await asyncio.sleep(0.5)
    print("main continues")


asyncio.run(main())
