# is_alive is False before start and after the thread finished.
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.5,))
print(t.is_alive())
t.start()
print(t.is_alive())
t.join()
print(t.is_alive())
