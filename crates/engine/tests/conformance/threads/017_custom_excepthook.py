# threading.excepthook can be replaced to handle thread exceptions.
import threading

def hook(args):
    print("caught", args.exc_type.__name__, args.exc_value, "in", args.thread.name)

threading.excepthook = hook

def fail():
    raise KeyError("k")

t = threading.Thread(target=fail, name="W")
t.start()
t.join()
