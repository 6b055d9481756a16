# threading.local gives each thread its own attributes.
import threading

data = threading.local()
data.x = "main"

def f(v):
    print(hasattr(data, "x"))
    data.x = v
    print(threading.current_thread().name, data.x)

ts = [threading.Thread(target=f, args=(f"t{i}",), name=f"T{i}") for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.x)
