# timedelta's repr and str, normalised days/seconds/microseconds, negative values.
from datetime import timedelta
for td in [timedelta(0), timedelta(days=1, hours=2), timedelta(seconds=-1), timedelta(milliseconds=1.5),
           timedelta(weeks=2, minutes=3), timedelta(days=-3, hours=5), timedelta(microseconds=-1)]:
    print(repr(td), "|", td)
print(timedelta.max, timedelta.min, timedelta.resolution)
