# get_ident() differs between threads and matches Thread.ident.
import threading

idents = {}

def f():
    idents["t"] = threading.get_ident()
    print(threading.get_ident() == threading.current_thread().ident)

t = threading.Thread(target=f)
t.start()
t.join()
print(idents["t"] == t.ident, t.ident != threading.get_ident())
print(threading.main_thread().ident == threading.get_ident())
print(type(t.native_id).__name__)
