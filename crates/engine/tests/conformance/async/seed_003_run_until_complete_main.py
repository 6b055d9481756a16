# Seed: 003_c54b0ec6a75473fa.txt, snippet under "Python 的異步" (print(123) via run_until_complete).
import asyncio

async def main():
    print(123)

loop = asyncio.get_event_loop()
loop.run_until_complete(main())
