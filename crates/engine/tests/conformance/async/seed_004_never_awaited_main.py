# Seed: 004_ba5992cb7ab2e48a.txt, "main()" called without asyncio.run: the coroutine
# never runs and CPython warns "coroutine 'main' was never awaited" (stderr).
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')

main()
