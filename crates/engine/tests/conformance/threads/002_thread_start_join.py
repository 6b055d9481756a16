# A thread runs its target when started; join waits for it to finish.
import threading

def hello():
    print("hello from", threading.current_thread().name)

t = threading.Thread(target=hello)
t.start()
t.join()
print("main done")
