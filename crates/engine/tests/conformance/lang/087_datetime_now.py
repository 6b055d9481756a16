# datetime.datetime.now() on the virtual clock (UTC, starting 2024-01-01 00:00).
import datetime
import time
now = datetime.datetime.now()
print(now)
print(now.year, now.month, now.day, now.hour, now.minute)
time.sleep(90.5)
later = datetime.datetime.now()
print(later, later.isoformat())
print(later - now)
print(later.strftime("%Y-%m-%d %H:%M:%S"))
print(datetime.datetime.today().date())
