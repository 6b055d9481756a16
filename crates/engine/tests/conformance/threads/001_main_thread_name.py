# The program runs on the main thread, whose name is "MainThread".
import threading

print(threading.current_thread().name)
print(threading.current_thread() is threading.main_thread())
