"""The calendar half of `time` (the module itself is native: time.rs):
struct_time, gmtime/localtime (UTC: the virtual world has no time zone),
mktime, asctime, ctime, strftime with glibc's C-locale directives."""

import _structseq

struct_time = _structseq.make(
    "time.struct_time", "struct_time",
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
     "tm_wday", "tm_yday", "tm_isdst"], ["tm_zone", "tm_gmtoff"])
struct_time.__module__ = "time"

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]
_CUM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _now():
    import time
    return time.time()


def _seconds(secs):
    if secs is None:
        secs = _now()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs in (float("inf"), float("-inf")):
            raise OverflowError("timestamp out of range for platform time_t")
        f = int(secs)
        return f - 1 if f > secs else f
    if isinstance(secs, int):
        return int(secs)
    raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _civil(days):
    # (year, month, day) of a day count since 1970-01-01.
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _struct(secs, zone):
    s = _seconds(secs)
    days = s // 86400
    rem = s - days * 86400
    y, m, d = _civil(days)
    yday = _CUM[m - 1] + d + (1 if m > 2 and _is_leap(y) else 0)
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0),
                       {"tm_zone": zone, "tm_gmtoff": 0})


def gmtime(secs=None):
    return _struct(secs, "GMT")


def localtime(secs=None):
    return _struct(secs, "UTC")


def _tuple(t, fname):
    if isinstance(t, struct_time):
        return tuple(t)
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{fname}(): illegal time tuple argument")
    for v in t:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return t


def mktime(t):
    if not isinstance(t, (tuple, struct_time)):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("mktime(): illegal time tuple argument")
    t = _tuple(t, "mktime")
    y, mon, d, h, mi, s = t[:6]
    y += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    days = _days_from_civil(y, mon, 1) + d - 1
    return float(days * 86400 + h * 3600 + mi * 60 + s)


def _checked(t, fname):
    t = _tuple(t, fname)
    y, mon, d, h, mi, s, wday, yday, isdst = t
    if mon == 0:
        mon = 1
    if not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    if not 1 <= d <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= h <= 23:
        raise ValueError("hour out of range")
    if not 0 <= mi <= 59:
        raise ValueError("minute out of range")
    if not 0 <= s <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    wday = wday % 7
    if yday == 0:
        yday = 1
    if not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    return (y, mon, d, h, mi, s, wday, yday, isdst)


def asctime(t=None):
    if t is None:
        t = localtime()
    if isinstance(t, tuple) and len(t) != 9:
        raise TypeError("asctime(): illegal time tuple argument")
    y, mon, d, h, mi, s, wday = _checked(t, "asctime")[:7]
    return "%s %s%3d %.2d:%.2d:%.2d %d" % (_DAYS[wday][:3], _MONTHS[mon - 1][:3], d, h, mi, s, y)


def ctime(secs=None):
    return asctime(localtime(secs))


def _iso_week(y, yday, wday):
    # (ISO year, ISO week number)
    week = (yday - (wday + 1) + 10) // 7
    if week < 1:
        py = y - 1
        pdays = 366 if _is_leap(py) else 365
        return _iso_week(py, yday + pdays, wday)
    ydays = 366 if _is_leap(y) else 365
    if week == 53 and (ydays - yday) < 3 - wday:
        return y + 1, 1
    return y, week


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    zone = "UTC"
    if t is None:
        t = localtime()
    if isinstance(t, struct_time) and t.tm_zone is not None:
        zone = t.tm_zone
    if isinstance(t, tuple) and len(t) != 9:
        raise TypeError("strftime(): illegal time tuple argument")
    y, mon, d, h, mi, s, wday, yday, isdst = _checked(t, "strftime")
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        sunday_wday = (wday + 1) % 7
        if k == "a":
            out.append(_DAYS[wday][:3])
        elif k == "A":
            out.append(_DAYS[wday])
        elif k in "bh":
            out.append(_MONTHS[mon - 1][:3])
        elif k == "B":
            out.append(_MONTHS[mon - 1])
        elif k == "c":
            out.append("%s %s %2d %.2d:%.2d:%.2d %d" % (_DAYS[wday][:3], _MONTHS[mon - 1][:3], d, h, mi, s, y))
        elif k == "C":
            out.append("%02d" % (y // 100))
        elif k == "d":
            out.append("%02d" % d)
        elif k == "D" or k == "x":
            out.append("%02d/%02d/%02d" % (mon, d, y % 100))
        elif k == "e":
            out.append("%2d" % d)
        elif k == "F":
            out.append("%d-%02d-%02d" % (y, mon, d))
        elif k == "H":
            out.append("%02d" % h)
        elif k == "I":
            out.append("%02d" % ((h + 11) % 12 + 1))
        elif k == "j":
            out.append("%03d" % yday)
        elif k == "k":
            out.append("%2d" % h)
        elif k == "l":
            out.append("%2d" % ((h + 11) % 12 + 1))
        elif k == "m":
            out.append("%02d" % mon)
        elif k == "M":
            out.append("%02d" % mi)
        elif k == "n":
            out.append("\n")
        elif k == "p":
            out.append("AM" if h < 12 else "PM")
        elif k == "P":
            out.append("am" if h < 12 else "pm")
        elif k == "r":
            out.append("%02d:%02d:%02d %s" % ((h + 11) % 12 + 1, mi, s, "AM" if h < 12 else "PM"))
        elif k == "R":
            out.append("%02d:%02d" % (h, mi))
        elif k == "s":
            out.append(str(int(mktime((y, mon, d, h, mi, s, wday, yday, isdst)))))
        elif k == "S":
            out.append("%02d" % s)
        elif k == "t":
            out.append("\t")
        elif k == "T" or k == "X":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif k == "u":
            out.append(str(wday + 1))
        elif k == "w":
            out.append(str(sunday_wday))
        elif k == "U":
            out.append("%02d" % ((yday - 1 + 7 - sunday_wday) // 7))
        elif k == "W":
            out.append("%02d" % ((yday - 1 + 7 - wday) // 7))
        elif k in "GgV":
            iy, iw = _iso_week(y, yday, wday)
            out.append(str(iy) if k == "G" else "%02d" % (iy % 100) if k == "g" else "%02d" % iw)
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "Y":
            out.append(str(y))
        elif k == "z":
            out.append("+0000")
        elif k == "Z":
            out.append(zone)
        elif k == "%":
            out.append("%")
        else:
            out.append("%" + k)
    return "".join(out)
