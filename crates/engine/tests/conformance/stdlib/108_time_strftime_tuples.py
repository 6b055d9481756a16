# time.strftime() with plain 9-tuples, zeros that CPython accepts, and its range and type errors
import time
print(time.strftime("%Y-%m-%d %j %a", (2024, 12, 31, 23, 59, 59, 1, 366, 0)))
print(time.strftime("%Y-%m-%d %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Z %z", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in ((2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0),
            (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0),
            (2024, 1, 1)):
    try:
        print(time.strftime("%Y", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.strftime(5)
except TypeError as e:
    print("TypeError", e)
