# An RLock can be acquired again by the thread that holds it.
import threading

rl = threading.RLock()

def outer():
    with rl:
        print("outer")
        inner()

def inner():
    with rl:
        print("inner")

t = threading.Thread(target=outer)
t.start()
t.join()
with rl:
    with rl:
        print("main twice")
