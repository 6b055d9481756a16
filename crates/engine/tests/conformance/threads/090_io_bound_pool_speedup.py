# Ten 1-second downloads on 5 threads take 2 s.
from concurrent.futures import ThreadPoolExecutor
import time

def download(i):
    time.sleep(1)
    return i

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as ex:
    results = list(ex.map(download, range(10)))
print(results)
print(f"{time.perf_counter() - start:.1f} s")
