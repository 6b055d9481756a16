# A job waiting for the result of a job queued behind it on a 1-thread pool: a hang.
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(max_workers=1)

def inner():
    return 42

def outer():
    f = ex.submit(inner)
    return f.result()

print("submitting")
print(ex.submit(outer).result())
