# time.struct_time built from a sequence: repr, equality with tuples, comparisons and its errors
import time
st = time.struct_time((2024, 5, 6, 7, 8, 9, 0, 127, 0))
print(st, st.tm_yday, st == (2024, 5, 6, 7, 8, 9, 0, 127, 0), st == time.gmtime(0))
print(st > time.gmtime(0), st < time.gmtime(0), sorted([st, time.gmtime(0)])[0].tm_year)
print(type(st).__name__, isinstance(time.gmtime(), time.struct_time), st.tm_zone)
for bad in ((1, 2, 3), tuple(range(12))):
    try:
        time.struct_time(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    st.tm_year = 1999
except AttributeError as e:
    print("AttributeError", e)
