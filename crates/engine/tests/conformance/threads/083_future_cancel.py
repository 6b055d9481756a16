# A queued job can be cancelled; a running one cannot.
from concurrent.futures import ThreadPoolExecutor, CancelledError
import time

with ThreadPoolExecutor(max_workers=1) as ex:
    running = ex.submit(time.sleep, 1)
    queued = ex.submit(print, "never printed")
    print(running.running(), queued.running())
    print(running.cancel(), queued.cancel())
    print(running.cancelled(), queued.cancelled(), queued.done())
    try:
        queued.result()
    except CancelledError:
        print("CancelledError")
