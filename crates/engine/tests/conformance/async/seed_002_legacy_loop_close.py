# Seed: 002_692cb270fe687408.txt, the "older equivalent of asyncio.run" snippet:
# loop = asyncio.get_event_loop(); try: loop.run_until_complete(coro) finally: loop.close()
import asyncio

async def coro():
    print("coro starts")
    await asyncio.sleep(0.25)
    print("coro ends")

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(coro())
finally:
    loop.close()
print("loop closed:", loop.is_closed())
