# current_thread() in a thread is that Thread object; main_thread() is not.
import threading

def f():
    me = threading.current_thread()
    print(me is t, me is threading.main_thread(), me.name)

t = threading.Thread(target=f, name="T")
t.start()
t.join()
print(threading.current_thread().name)
