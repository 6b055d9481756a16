# An exception with a cause inside a callback given arguments: the handle names the call, the _run frame heads the last traceback.
import asyncio

def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise ValueError(f"no entry {key!r}") from e

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(lookup, {"a": 1}, "b")
    loop.call_later(0.1, print, "the loop keeps running")
    await asyncio.sleep(0.2)

asyncio.run(main())
