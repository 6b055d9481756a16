# A job's exception is raised again by result() and returned by exception().
from concurrent.futures import ThreadPoolExecutor

def fail():
    raise KeyError("missing")

with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(fail)
    print(repr(f.exception()))
    try:
        f.result()
    except KeyError as e:
        print("caught", repr(e))
    print(f.done(), f.cancelled(), f.running())
