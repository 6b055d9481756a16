# date: construction, isoformat/str/repr, weekday, replace, ordinal, arithmetic with timedelta.
from datetime import date, timedelta
d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=9), date(2024, 12, 25) - d)
print(d.replace(day=1), d.toordinal(), date.fromordinal(738944), d < date(2024, 3, 1), d == date(2024, 2, 28))
print(d.ctime(), date.min, date.max)
