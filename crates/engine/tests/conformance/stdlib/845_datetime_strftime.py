# strftime directives on date and datetime.
from datetime import datetime, date
dt = datetime(2024, 3, 5, 14, 7, 9, 123456)
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f"))
print(dt.strftime("%a %A %b %B %d %j %U %W %w %y %I %p %%"))
print(dt.strftime("%c | %x | %X"), date(2024, 1, 1).strftime("%A %d %B %Y"))
print(f"{dt:%H:%M}", f"{date(2024, 7, 4):%m/%d/%Y}", format(dt, ""))
