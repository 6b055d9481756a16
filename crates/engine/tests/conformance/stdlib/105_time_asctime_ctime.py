# time.asctime() and time.ctime(): the fixed 24-character form, with and without arguments
import time
print(time.asctime(), "|", time.ctime())
time.sleep(86400 * 40 + 3723)
print(time.asctime(), "|", time.ctime())
print(time.ctime(0), "|", time.ctime(1e9), "|", time.ctime(-1))
print(time.asctime((2024, 7, 4, 9, 5, 3, 3, 186, 0)))
print(time.asctime(time.gmtime(1234567890)))
for bad in ((2024, 1, 1), [2024, 1, 1, 0, 0, 0, 0, 1, 0], (2024, 13, 1, 0, 0, 0, 0, 1, 0)):
    try:
        time.asctime(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
