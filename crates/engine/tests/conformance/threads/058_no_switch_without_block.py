# A thread that never blocks runs to its end before the others continue.
import threading

def count(name):
    total = 0
    for i in range(1000):
        total += i
    print(name, total)

ts = [threading.Thread(target=count, args=(n,)) for n in "xyz"]
for t in ts:
    t.start()
print("main")
for t in ts:
    t.join()
