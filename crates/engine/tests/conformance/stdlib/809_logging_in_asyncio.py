# Logging from coroutines: records appear in the order the tasks run.
import asyncio
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("worker")
async def work(n):
    log.info("start %d", n)
    await asyncio.sleep(n / 10)
    log.info("done %d", n)
async def main():
    await asyncio.gather(work(2), work(1))
asyncio.run(main())
