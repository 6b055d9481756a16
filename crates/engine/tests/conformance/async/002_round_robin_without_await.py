# The same three tasks with the first await removed: [A] and [B] run together.
import asyncio

async def main_task(n):
    indent = "\t" * n
    print(f"{indent}[A]")
    print(f"{indent}[B]")
    await asyncio.sleep(0)
    print(f"{indent}[C]")

async def main():
    print("(0)\t(1)\t(2)")
    await asyncio.gather(main_task(0), main_task(1), main_task(2))

asyncio.run(main())
