# as_completed with a timeout raises TimeoutError for the unfinished rest.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    try:
        for fut in asyncio.as_completed([job(0.1), job(1.5), job(0.25)], timeout=0.5):
            print("done", await fut)
    except TimeoutError:
        print("as_completed timed out", asyncio.get_running_loop().time())

asyncio.run(main())
