# match: match statements work inside coroutines, with awaits in case bodies and guards.
import asyncio
async def fetch(n):
    await asyncio.sleep(0.1 * n)
    return {"status": 200 if n % 2 else 404, "n": n}
async def ok(n):
    await asyncio.sleep(0)
    return n < 3
async def main():
    for n in range(1, 5):
        match await fetch(n):
            case {"status": 200, "n": k} if await ok(k):
                print(n, "ok small")
            case {"status": 200}:
                print(n, "ok")
            case {"status": code}:
                print(n, "failed with", code)
asyncio.run(main())
