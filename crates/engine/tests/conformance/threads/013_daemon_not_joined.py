# At exit the program waits for non-daemon threads but not for daemon ones.
import threading
import time

def forever():
    while True:
        time.sleep(1)
        print("daemon tick")

def finite():
    time.sleep(2.5)
    print("finite done")

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=finite).start()
print("main ends")
