# Invalid dates raise ValueError with CPython's messages.
from datetime import date
for args in [(2023, 2, 29), (2024, 13, 1), (0, 1, 1), (2024, 4, 31)]:
    try:
        date(*args)
    except ValueError as e:
        print(args, e)
try:
    date.fromisoformat("2024/01/01")
except ValueError as e:
    print(e)
