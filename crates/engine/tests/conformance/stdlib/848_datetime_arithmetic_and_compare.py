# datetime +/- timedelta across months and years; differences; comparisons; replace.
from datetime import datetime, timedelta
a = datetime(2023, 12, 31, 23, 59, 30)
b = a + timedelta(seconds=45)
print(b, repr(b), b - a, a - b, b > a, a.replace(year=2020, minute=0))
print(datetime(2024, 3, 1) - timedelta(days=1), datetime(2024, 1, 1) - datetime(2023, 1, 1))
print(sorted([b, a]), a.date(), a.time(), datetime.combine(a.date(), b.time()))
