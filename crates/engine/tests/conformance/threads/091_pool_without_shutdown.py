# A pool never shut down is joined at exit: its jobs still finish.
from concurrent.futures import ThreadPoolExecutor
import time

def late():
    time.sleep(1)
    print("job finished at", time.monotonic())

ex = ThreadPoolExecutor(max_workers=1)
ex.submit(late)
print("main body over")
