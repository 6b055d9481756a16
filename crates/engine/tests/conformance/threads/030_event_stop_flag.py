# An Event used as a stop flag for a polling worker.
import threading
import time

stop = threading.Event()

def poller():
    n = 0
    while not stop.wait(0.3):
        n += 1
        print("poll", n)
    print("stopped after", n)

t = threading.Thread(target=poller)
t.start()
time.sleep(1)
stop.set()
t.join()
