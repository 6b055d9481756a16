# time.gmtime(secs) for many timestamps: epoch, negatives, leap days, floats (floored), year ends
import time
for s in (0, 1, -1, -1.5, 1.99, 86399, 86400, 951782400, 951868800, 1e9, 1704067199, 1709208000,
          1735689599, 2**31, 4102444800, -86400 * 365, 253402300799):
    t = time.gmtime(s)
    print(s, tuple(t))
