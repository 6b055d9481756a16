# time.mktime(): struct_time and 9-tuples back to seconds, including out-of-range months and days
import time
print(time.mktime(time.localtime()))
print(time.mktime((2024, 2, 29, 12, 30, 0, 0, 0, 0)), time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, 0)))
print(time.mktime((2023, 14, 1, 0, 0, 0, 0, 0, 0)), time.mktime((2024, 3, 0, 0, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 1, 1, 25, 61, 61, 0, 0, 0)))
for s in (0, 12345678, 1704067200, 1e9):
    print(time.mktime(time.localtime(s)) == s)
for bad in ((1, 2, 3), "abc", 5):
    try:
        time.mktime(bad)
    except TypeError as e:
        print("TypeError", e)
