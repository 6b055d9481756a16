# isoformat with sep and timespec; fromisoformat parses what isoformat writes and more.
from datetime import datetime, date, time
dt = datetime(2024, 3, 5, 14, 7, 9, 123456)
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"), dt.isoformat(timespec="milliseconds"))
print(datetime.fromisoformat("2024-03-05T14:07:09"), datetime.fromisoformat("2024-03-05"), datetime.fromisoformat("2024-03-05 14:07:09.500"))
print(repr(datetime.fromisoformat("2024-03-05T14:07:09+02:00")), date.fromisoformat("2024-12-31"), time.fromisoformat("10:30"))
try:
    datetime.fromisoformat("not a date")
except ValueError as e:
    print(e)
