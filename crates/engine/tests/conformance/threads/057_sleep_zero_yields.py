# time.sleep(0) lets the other ready threads run first.
import threading
import time

def talk(name):
    for i in range(3):
        print(name, i)
        time.sleep(0)

ts = [threading.Thread(target=talk, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
