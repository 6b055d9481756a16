# The exception of an overridden run() is reported with the thread's name.
import threading

class Job(threading.Thread):
    def run(self):
        helper()

def helper():
    1 / 0

j = Job(name="job")
j.start()
j.join()
print("done")
