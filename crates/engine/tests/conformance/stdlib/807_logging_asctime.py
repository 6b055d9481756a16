# %(asctime)s in a logging format: the record's time on the virtual clock,
# in the default "YYYY-MM-DD HH:MM:SS,mmm" form and with a datefmt.
import asyncio
import logging

logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger("app")


async def main():
    log.info("start")
    await asyncio.sleep(1.25)
    log.warning("after a sleep")


asyncio.run(main())
fmt = logging.Formatter("[%(asctime)s] %(message)s", datefmt="%H:%M:%S")
handler = logging.StreamHandler()
handler.setFormatter(fmt)
log.addHandler(handler)
log.propagate = False
log.error("custom date format")
