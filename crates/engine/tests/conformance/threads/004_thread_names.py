# Threads are named "Thread-N (target)" in creation order; a given name is kept.
import threading

def f():
    pass

a = threading.Thread(target=f)
b = threading.Thread(target=f, name="worker")
c = threading.Thread(target=lambda: None)
d = threading.Thread()
print(a.name, b.name, c.name, d.name, sep=" | ")
