# Thread passes args and kwargs to its target.
import threading

def show(a, b, sep="-"):
    print(a, b, sep=sep)

t = threading.Thread(target=show, args=(1, 2), kwargs={"sep": "+"})
t.start()
t.join()
