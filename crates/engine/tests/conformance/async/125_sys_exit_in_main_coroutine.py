# sys.exit("message") inside main(): the pending worker is cancelled on the
# way out (its finally runs), then the message goes to stderr, status 1.
import asyncio
import sys


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker cleaned up")


async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    print("giving up")
    sys.exit("fatal: no configuration found")


try:
    asyncio.run(main())
finally:
    print("top-level finally")
