# While the main thread sleeps, started threads run.
import threading
import time

def bg():
    for i in range(3):
        print("bg", i, time.monotonic())
        time.sleep(0.4)

threading.Thread(target=bg, daemon=True).start()
time.sleep(1)
print("main woke at", time.monotonic())
