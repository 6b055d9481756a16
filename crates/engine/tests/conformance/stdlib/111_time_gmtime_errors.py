# time.gmtime()/localtime()/ctime() with bad arguments: strings, NaN and infinity
import time
for f in (time.gmtime, time.localtime, time.ctime):
    for bad in ("x", float("nan"), float("inf"), [1]):
        try:
            f(bad)
        except (TypeError, ValueError, OverflowError) as e:
            print(f.__name__, type(e).__name__, e)
