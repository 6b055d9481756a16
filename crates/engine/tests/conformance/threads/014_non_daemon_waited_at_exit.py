# Without join, the program still waits for its non-daemon thread at exit.
import threading
import time

def late():
    time.sleep(1)
    print("late thread finished")

threading.Thread(target=late).start()
print("main body over")
