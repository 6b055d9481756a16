# daemon defaults to the creating thread's flag and can be set before start.
import threading

t = threading.Thread(target=print)
print(t.daemon)
t.daemon = True
print(t.daemon)
u = threading.Thread(target=print, daemon=True)
print(u.daemon)
print(threading.main_thread().daemon)
