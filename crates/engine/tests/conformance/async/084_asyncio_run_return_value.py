# asyncio.run returns main's result; each run uses a fresh loop.
import asyncio

async def compute(x):
    await asyncio.sleep(0.25)
    return x * 3

print(asyncio.run(compute(4)))
print(asyncio.run(compute(5)))
try:
    asyncio.run(compute)
except ValueError as e:
    print("ValueError:", e)
