# run_forever runs until a callback calls stop().
import asyncio

def tick(loop, n):
    print("tick", n, loop.time())
    if n == 3:
        loop.stop()
    else:
        loop.call_later(0.25, tick, loop, n + 1)

loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, 0)
loop.run_forever()
print("stopped at", loop.time())
loop.close()
