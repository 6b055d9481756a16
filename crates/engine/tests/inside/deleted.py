# A variable deleted with `del`, then bound again; a loop variable left over.
import asyncio

async def main():
    temp = "scratch"
    keep = 1
    del temp
    await asyncio.sleep(0)
    for temp in range(2):
        keep += temp
    del keep
    await asyncio.sleep(0)
    print(temp)

asyncio.run(main())
