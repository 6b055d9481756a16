# A thread whose 10 ms sleep ends while another computes gets the GIL at the next switch, not when the computing ends.
import threading
import time

start = time.perf_counter()


def sleeper():
    time.sleep(0.01)
    print(f"woke {time.perf_counter() - start:.4f}")


def cruncher():
    total = 0
    for i in range(300_000):
        total += i
    print(f"crunched {time.perf_counter() - start:.4f}")


threads = [threading.Thread(target=sleeper), threading.Thread(target=cruncher)]
for t in threads:
    t.start()
for t in threads:
    t.join()
