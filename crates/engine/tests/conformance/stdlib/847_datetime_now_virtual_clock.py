# datetime.now() and date.today() read the virtual clock, which moves with asyncio.sleep.
import asyncio
from datetime import datetime, date
async def main():
    t0 = datetime.now()
    print(t0, date.today())
    await asyncio.sleep(90.5)
    t1 = datetime.now()
    print(t1, t1 - t0, (t1 - t0).total_seconds())
asyncio.run(main())
