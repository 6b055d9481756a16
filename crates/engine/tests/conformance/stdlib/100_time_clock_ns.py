# time.time_ns, monotonic_ns and perf_counter_ns on the virtual clock, before and after sleeps
import time
print(time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
time.sleep(1.5)
print(time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())
time.sleep(0.000001)
print(time.time_ns() - 1704067200 * 10**9, time.monotonic(), time.perf_counter(), time.time())
