# A thread's repr shows its name and state.
import threading

t = threading.Thread(target=lambda: None, name="R")
print(repr(t))
print(repr(threading.main_thread()).startswith("<_MainThread(MainThread, started"))
