# Three tasks yield to each other with sleep(0): [A] [B] [C] interleave.
import asyncio

async def main_task(n):
    indent = "\t" * n
    print(f"{indent}[A]")
    await asyncio.sleep(0)
    print(f"{indent}[B]")
    await asyncio.sleep(0)
    print(f"{indent}[C]")

async def main():
    print("(0)\t(1)\t(2)")
    await asyncio.gather(main_task(0), main_task(1), main_task(2))

asyncio.run(main())
