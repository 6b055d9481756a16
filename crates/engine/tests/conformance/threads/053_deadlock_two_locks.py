# Two threads taking two locks in opposite orders deadlock: the program hangs.
import threading
import time

a = threading.Lock()
b = threading.Lock()

def one():
    with a:
        time.sleep(0.1)
        with b:
            print("one has both")

def two():
    with b:
        time.sleep(0.1)
        with a:
            print("two has both")

t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
print("never printed")
