# A local subclass's __init__ runs once in each thread that uses it.
import threading

class Ctx(threading.local):
    def __init__(self, start):
        print("init in", threading.current_thread().name)
        self.count = start

ctx = Ctx(10)

def bump():
    ctx.count += 1
    print(threading.current_thread().name, ctx.count)

t = threading.Thread(target=bump, name="A")
t.start()
t.join()
bump()
