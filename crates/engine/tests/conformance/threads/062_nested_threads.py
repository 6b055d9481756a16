# A thread can start and join threads of its own.
import threading
import time

def child(n):
    time.sleep(0.1)
    print("child", n, "of", threading.current_thread().name)

def parent():
    kids = [threading.Thread(target=child, args=(i,), name=f"kid{i}") for i in range(2)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()
    print("parent done")

p = threading.Thread(target=parent, name="parent")
p.start()
p.join()
