# gmtime/mktime round trip for every day of 2023-2025 at noon: weekday and day-of-year stay consistent
import time
start = time.mktime((2023, 1, 1, 12, 0, 0, 0, 0, 0))
bad = 0
wdays = [0] * 7
for i in range(3 * 365 + 1):
    s = start + i * 86400
    t = time.gmtime(s)
    wdays[t.tm_wday] += 1
    if time.mktime(t) != s:
        bad += 1
print(bad, wdays, time.gmtime(start + 1000 * 86400))
