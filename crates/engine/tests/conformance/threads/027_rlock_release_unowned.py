# Releasing an RLock you do not own is a RuntimeError.
import threading

rl = threading.RLock()
try:
    rl.release()
except RuntimeError as e:
    print(e)
