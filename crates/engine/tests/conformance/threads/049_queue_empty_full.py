# get_nowait/put_nowait raise Empty/Full; timeouts raise them after waiting.
import queue
import time

q = queue.Queue(maxsize=1)
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
q.put_nowait(1)
try:
    q.put_nowait(2)
except queue.Full:
    print("Full")
try:
    q.put(2, timeout=0.5)
except queue.Full:
    print("Full after", time.monotonic())
print(q.get(), q.empty(), q.full(), q.qsize())
try:
    q.get(timeout=0.25)
except queue.Empty:
    print("Empty after", time.monotonic())
