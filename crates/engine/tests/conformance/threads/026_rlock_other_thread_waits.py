# Another thread waits for an RLock until its owner released it fully.
import threading
import time

rl = threading.RLock()

def other():
    print("other waits")
    with rl:
        print("other got it at", time.monotonic())

rl.acquire()
rl.acquire()
t = threading.Thread(target=other)
t.start()
time.sleep(0.5)
rl.release()
print("released once")
time.sleep(0.5)
rl.release()
print("released twice")
t.join()
