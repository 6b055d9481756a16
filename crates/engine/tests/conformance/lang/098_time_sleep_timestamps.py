# Blocking time.sleep in a plain program moves the virtual clock.
import time
print("start")
for step in range(3):
    time.sleep(0.25)
    print("step", step, "at", time.monotonic())
time.sleep(1.5)
print("end at", time.perf_counter())
