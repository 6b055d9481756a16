# timezone.utc and fixed offsets: aware datetimes, isoformat offsets, astimezone.
from datetime import datetime, timezone, timedelta
utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
cet = timezone(timedelta(hours=2))
print(utc, repr(utc), utc.isoformat(), repr(cet), str(cet), utc.tzname())
local = utc.astimezone(cet)
print(local, local == utc, local - utc, local.utcoffset())
print(utc.strftime("%H:%M %z %Z"), datetime.fromtimestamp(0, timezone.utc))
try:
    utc < datetime(2024, 1, 1)
except TypeError as e:
    print(e)
