# time.localtime(): the virtual machine's local time is UTC (tm_zone 'UTC'), following the clock
import time
t = time.localtime()
print(t, t.tm_zone, t.tm_gmtoff)
time.sleep(3661)
print(time.localtime())
print(time.localtime(0) == time.gmtime(0), time.localtime(1e9))
print(time.timezone, time.altzone, time.daylight, time.tzname)
