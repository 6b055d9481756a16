# strptime parses with a format; time objects print and compare.
from datetime import datetime, time
print(datetime.strptime("2024-03-05 14:07", "%Y-%m-%d %H:%M"), datetime.strptime("05/Mar/24 10:20 PM", "%d/%b/%y %I:%M %p"))
t = time(9, 30)
print(t, repr(t), repr(time(9, 30, 5, 10)), t < time(10), t.isoformat(timespec="seconds"), t.strftime("%I:%M %p"))
try:
    datetime.strptime("2024-03", "%Y-%m-%d")
except ValueError as e:
    print(e)
try:
    time(25)
except ValueError as e:
    print(e)
