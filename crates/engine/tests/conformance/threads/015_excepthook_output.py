# An exception in a thread is printed to stderr; the main thread goes on.
import threading

def fail():
    raise ValueError("bad value")

t = threading.Thread(target=fail)
t.start()
t.join()
print("main continues")
