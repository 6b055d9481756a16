# Condition: a consumer waits until a producer notifies.
import threading
import time

cond = threading.Condition()
items = []

def consumer():
    with cond:
        while not items:
            print("consumer waits")
            cond.wait()
        print("consumer got", items.pop())

t = threading.Thread(target=consumer)
t.start()
time.sleep(0.5)
with cond:
    items.append("x")
    print("producer notifies")
    cond.notify()
t.join()
