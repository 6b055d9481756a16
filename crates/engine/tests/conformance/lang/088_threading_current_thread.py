# The main thread's name.
import threading
print(threading.current_thread().name)
print(threading.main_thread().name == threading.current_thread().name)
def who():
    return threading.current_thread().name
print(who())
