# time functions on the virtual clock (it starts at 0; time.time() at 2024-01-01).
import time
print(time.time(), time.monotonic(), time.perf_counter())
start = time.perf_counter()
time.sleep(1.5)
print("slept", time.perf_counter() - start)
time.sleep(0.25)
print(time.monotonic(), time.time())
print(time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
t0 = time.monotonic()
total = 0
for i in range(100000):
    total += i
print("busy loop took", time.monotonic() - t0, total)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
