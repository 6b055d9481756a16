# time.strftime() inside asyncio tasks: each task stamps its lines with the virtual time, as in the asyncio docs
import asyncio
import time
async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"finished at {time.strftime('%X')}")
    t0 = time.perf_counter_ns()
    await asyncio.gather(say_after(1.5, "a"), say_after(0.5, "b"))
    print((time.perf_counter_ns() - t0) / 1e9, time.monotonic_ns())
asyncio.run(main())
