# map raises a job's exception when its result is reached.
from concurrent.futures import ThreadPoolExecutor

def inv(x):
    return 1 / x

with ThreadPoolExecutor(max_workers=2) as ex:
    it = ex.map(inv, [1, 2, 0, 4])
    try:
        for r in it:
            print(r)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
