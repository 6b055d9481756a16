# A thread cannot join itself.
import threading

def f():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print(e)

t = threading.Thread(target=f)
t.start()
t.join()
try:
    threading.main_thread().join()
except RuntimeError as e:
    print(e)
