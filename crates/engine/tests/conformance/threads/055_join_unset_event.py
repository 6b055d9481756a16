# A thread waiting for an event nobody sets: joining it hangs the program.
import threading

e = threading.Event()

def waiter():
    print("waiting forever")
    e.wait()

t = threading.Thread(target=waiter)
t.start()
t.join()
