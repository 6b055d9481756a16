# The seeds' pattern: a dict from future to its argument, read in completion order.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

def fetch(url):
    time.sleep(len(url) / 10)
    return f"{len(url)} bytes"

urls = ["https://a.example/long/path", "https://b.example", "https://c.example/x"]
with ThreadPoolExecutor(max_workers=3) as ex:
    future_to_url = {ex.submit(fetch, u): u for u in urls}
    for future in as_completed(future_to_url):
        print(future_to_url[future], "->", future.result())
print(f"total {time.perf_counter():.2f} s")
