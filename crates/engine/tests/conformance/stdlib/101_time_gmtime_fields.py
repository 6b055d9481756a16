# time.gmtime(): a struct_time's fields by name and by index, its length, repr and tuple form
import time
t = time.gmtime()
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[:3], len(t), tuple(t), list(t)[6:])
print(t.tm_zone, t.tm_gmtoff, t.n_fields, t.n_sequence_fields)
y, m, d, *rest = t
print(y, m, d, rest)
