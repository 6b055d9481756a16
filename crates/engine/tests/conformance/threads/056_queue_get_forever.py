# Getting from an empty queue nobody fills hangs the program.
import queue

q = queue.Queue()
print("before get")
q.get()
print("never")
