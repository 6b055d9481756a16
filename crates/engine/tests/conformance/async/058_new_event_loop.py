# new_event_loop + set_event_loop, then run_until_complete.
import asyncio

async def main():
    print("running on the new loop:", asyncio.get_running_loop() is loop)
    await asyncio.sleep(0.5)
    return "finished"

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running())
print(loop.run_until_complete(main()))
print(round(loop.time(), 3))
loop.close()
