# time.sleep blocks only the calling thread; the others run meanwhile.
import threading
import time

def worker(name, delay):
    for i in range(3):
        print(name, i)
        time.sleep(delay)

a = threading.Thread(target=worker, args=("a", 0.1))
b = threading.Thread(target=worker, args=("b", 0.15))
a.start()
b.start()
a.join()
b.join()
print("both done")
