# The lost update with a ThreadPoolExecutor: each job reads, sleeps, writes; the pool's threads interleave at the sleeps
import time
from concurrent.futures import ThreadPoolExecutor

counter = 0


def bump(k):
    global counter
    n = counter
    time.sleep(0.01)
    counter = n + 1
    return k, counter


with ThreadPoolExecutor(max_workers=3) as pool:
    results = list(pool.map(bump, range(6)))
print(results)
print("counter:", counter, "expected:", 6)
