# Threads store their results in a shared list; join, then read it.
import threading
import time

results = [None] * 4

def square(i):
    time.sleep((4 - i) * 0.1)
    results[i] = i * i
    print("finished", i)

ts = [threading.Thread(target=square, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
