# start() lets the new thread run until it blocks; then the starter continues.
import threading
import time

def f():
    print("thread: before sleep")
    time.sleep(0.1)
    print("thread: after sleep")

t = threading.Thread(target=f)
t.start()
print("main: after start")
t.join()
