# wait_for with timeout 0 on something not done raises TimeoutError at once.
import asyncio

async def job():
    print("job started?")
    await asyncio.sleep(0.1)
    return 1

async def main():
    try:
        await asyncio.wait_for(job(), timeout=0)
    except TimeoutError:
        print("TimeoutError immediately at", asyncio.get_running_loop().time())
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")
    print(await asyncio.wait_for(done, timeout=0))

asyncio.run(main())
