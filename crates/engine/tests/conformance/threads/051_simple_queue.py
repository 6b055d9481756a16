# SimpleQueue between threads.
import queue
import threading
import time

sq = queue.SimpleQueue()

def reader():
    for _ in range(3):
        print("read", sq.get())

t = threading.Thread(target=reader)
t.start()
for word in ["a", "b", "c"]:
    time.sleep(0.1)
    sq.put(word)
t.join()
print(sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.1)
except queue.Empty:
    print("Empty")
