# Tasks with different sleep delays finish in order of their deadlines.
import asyncio

async def worker(name, delay, rounds):
    for i in range(rounds):
        await asyncio.sleep(delay)
        print(f"{name} tick {i}")
    return name

async def main():
    results = await asyncio.gather(worker("slow", 1.5, 2), worker("fast", 0.25, 4), worker("mid", 1, 2))
    print(results)

asyncio.run(main())
