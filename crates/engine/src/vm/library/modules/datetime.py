# datetime, written from the documented behaviour: timedelta, date, time,
# datetime, timezone. now()/today() read the virtual clock (UTC, as the
# oracle runs: 2024-01-01 plus the virtual time).
import time as _time

MINYEAR = 1
MAXYEAR = 9999

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

_DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DBM = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

def _dim(y, m):
    return 29 if m == 2 and _is_leap(y) else _DIM[m]

def _ord(y, m, d):
    p = y - 1
    return p * 365 + p // 4 - p // 100 + p // 400 + _DBM[m] + (m > 2 and _is_leap(y)) + d

def _from_ord(n):
    n -= 1
    n400, n = divmod(n, 146097)
    y = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return y - 1, 12, 31
    m = 1
    while n >= _dim(y, m):
        n -= _dim(y, m)
        m += 1
    return y, m, n + 1

def _check_date(y, m, d):
    for v in (y, m, d):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year must be in %d..%d" % (MINYEAR, MAXYEAR), y)
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12", m)
    if not 1 <= d <= _dim(y, m):
        raise ValueError("day must be in 1..%d" % _dim(y, m), d)

def _check_time(h, mi, s, us):
    for v in (h, mi, s, us):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if not 0 <= h <= 23:
        raise ValueError("hour must be in 0..23", h)
    if not 0 <= mi <= 59:
        raise ValueError("minute must be in 0..59", mi)
    if not 0 <= s <= 59:
        raise ValueError("second must be in 0..59", s)
    if not 0 <= us <= 999999:
        raise ValueError("microsecond must be in 0..999999", us)

def _cmp_error(op, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'"
                     % (op, type(a).__name__, type(b).__name__))

class _Ordered:
    """Comparisons and hash through `_key()`, against instances of the
    class named by `_kin` (set after each class: subclasses compare too)."""
    def __eq__(self, other):
        if isinstance(other, self._kin):
            return self._key() == other._key()
        return NotImplemented
    def __lt__(self, other):
        if isinstance(other, self._kin):
            return self._key() < other._key()
        return NotImplemented
    def __le__(self, other):
        if isinstance(other, self._kin):
            return self._key() <= other._key()
        return NotImplemented
    def __gt__(self, other):
        if isinstance(other, self._kin):
            return self._key() > other._key()
        return NotImplemented
    def __ge__(self, other):
        if isinstance(other, self._kin):
            return self._key() >= other._key()
        return NotImplemented
    def __hash__(self):
        return hash(self._key())


class timedelta(_Ordered):
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        for v in (days, seconds, microseconds, milliseconds, minutes, hours, weeks):
            if not isinstance(v, (int, float)):
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % ("days", type(v).__name__))
        d = weeks * 7 + days
        s = hours * 3600 + minutes * 60 + seconds
        us = milliseconds * 1000 + microseconds
        if isinstance(d, float):
            di = int(d)
            s += (d - di) * 86400
            d = di
        if isinstance(s, float):
            si = int(s)
            us += (s - si) * 1000000
            s = si
        if isinstance(us, float):
            us = round(us)
        q, us = divmod(us, 1000000)
        s += q
        q, s = divmod(s, 86400)
        d += q
        if abs(d) > 999999999:
            raise OverflowError("timedelta # of days is too large: %d" % d)
        self._days = d
        self._seconds = s
        self._microseconds = us
    def _key(self):
        return (self._days, self._seconds, self._microseconds)
    @property
    def days(self):
        return self._days
    @property
    def seconds(self):
        return self._seconds
    @property
    def microseconds(self):
        return self._microseconds
    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds
    def total_seconds(self):
        return self._us() / 10 ** 6
    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days + other._days, self._seconds + other._seconds,
                             self._microseconds + other._microseconds)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days - other._days, self._seconds - other._seconds,
                             self._microseconds - other._microseconds)
        return NotImplemented
    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented
    def __neg__(self):
        return timedelta(-self._days, -self._seconds, -self._microseconds)
    def __pos__(self):
        return self
    def __abs__(self):
        return -self if self._days < 0 else self
    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(self._days * other, self._seconds * other, self._microseconds * other)
        if isinstance(other, float):
            return timedelta(microseconds=round(self._us() * other))
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() / other))
        return NotImplemented
    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta(microseconds=self._us() // other)
        return NotImplemented
    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() % other._us())
        return NotImplemented
    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, timedelta(microseconds=r)
        return NotImplemented
    def __bool__(self):
        return self._key() != (0, 0, 0)
    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "s" if abs(self._days) != 1 else "") + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s
    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "datetime.timedelta(%s)" % (", ".join(args) or "0")

timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)

def _wrap_strftime(fmt, y, m, d, hh, mi, ss, us, tz_off, tz_name):
    out = []
    i = 0
    n = len(fmt)
    wd = (_ord(y, m, d) + 6) % 7
    yday = _ord(y, m, d) - _ord(y, 1, 1) + 1
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == "Y": out.append("%d" % y)
        elif k == "m": out.append("%02d" % m)
        elif k == "d": out.append("%02d" % d)
        elif k == "H": out.append("%02d" % hh)
        elif k == "M": out.append("%02d" % mi)
        elif k == "S": out.append("%02d" % ss)
        elif k == "f": out.append("%06d" % us)
        elif k == "y": out.append("%02d" % (y % 100))
        elif k == "A": out.append(_DAYS[wd])
        elif k == "a": out.append(_DAYS[wd][:3])
        elif k == "B": out.append(_MONTHS[m - 1])
        elif k == "b" or k == "h": out.append(_MONTHS[m - 1][:3])
        elif k == "w": out.append("%d" % ((wd + 1) % 7))
        elif k == "u": out.append("%d" % (wd + 1))
        elif k == "j": out.append("%03d" % yday)
        elif k == "I": out.append("%02d" % ((hh % 12) or 12))
        elif k == "p": out.append("AM" if hh < 12 else "PM")
        elif k == "e": out.append("%2d" % d)
        elif k == "U": out.append("%02d" % ((yday + 6 - (wd + 1) % 7) // 7))
        elif k == "W": out.append("%02d" % ((yday + 6 - wd) // 7))
        elif k == "c": out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYS[wd][:3], _MONTHS[m - 1][:3], d, hh, mi, ss, y))
        elif k == "x": out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif k == "X": out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif k == "D": out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif k == "F": out.append("%d-%02d-%02d" % (y, m, d))
        elif k == "T": out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif k == "R": out.append("%02d:%02d" % (hh, mi))
        elif k == "n": out.append("\n")
        elif k == "t": out.append("\t")
        elif k == "z":
            out.append("" if tz_off is None else _fmt_offset(tz_off, ""))
        elif k == "Z":
            out.append("" if tz_name is None else tz_name)
        elif k == "G" or k == "V":
            iy, iw, _ = _iso_calendar(y, m, d)
            out.append("%d" % iy if k == "G" else "%02d" % iw)
        elif k == "%": out.append("%")
        else: out.append("%" + k)
    return "".join(out)

def _fmt_offset(td, sep=":"):
    us = td._us()
    sign = "+"
    if us < 0:
        sign = "-"
        us = -us
    hh, rem = divmod(us, 3600000000)
    mm, rem = divmod(rem, 60000000)
    ss, us = divmod(rem, 1000000)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or us:
        s += "%s%02d" % (sep, ss)
        if us:
            s += ".%06d" % us
    return s

def _iso_calendar(y, m, d):
    def week1_monday(year):
        first = _ord(year, 1, 1)
        wd = (first + 6) % 7
        monday = first - wd
        if wd > 3:
            monday += 7
        return monday
    o = _ord(y, m, d)
    year = y
    start = week1_monday(year)
    if o < start:
        year -= 1
        start = week1_monday(year)
    elif o >= week1_monday(year + 1):
        year += 1
        start = week1_monday(year)
    week, day = divmod(o - start, 7)
    return year, week + 1, day + 1

timedelta._kin = timedelta


class IsoCalendarDate:
    def __init__(self, year, week, weekday):
        self.year, self.week, self.weekday = year, week, weekday
    def __iter__(self):
        return iter((self.year, self.week, self.weekday))
    def __getitem__(self, i):
        return (self.year, self.week, self.weekday)[i]
    def __eq__(self, other):
        return tuple(self) == tuple(other)
    def __repr__(self):
        return "IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (self.year, self.week, self.weekday)

def _parse_date(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-" and (s[:4] + s[5:7] + s[8:]).isdigit():
        return int(s[:4]), int(s[5:7]), int(s[8:])
    if len(s) == 8 and s.isdigit():
        return int(s[:4]), int(s[4:6]), int(s[6:])
    return None

def _parse_time(s):
    tz = None
    for i, ch in enumerate(s):
        if ch in "+-Zz":
            tz = s[i:]
            s = s[:i]
            break
    us = 0
    if "." in s or "," in s:
        s, _, frac = s.replace(",", ".").partition(".")
        if not frac.isdigit() or len(frac) not in (3, 6):
            if not frac.isdigit():
                return None
        us = int((frac + "000000")[:6])
    parts = s.split(":")
    if len(parts) == 1 and len(s) in (2, 4, 6) and s.isdigit():
        parts = [s[i:i + 2] for i in range(0, len(s), 2)]
    if not 1 <= len(parts) <= 3 or not all(len(p) == 2 and p.isdigit() for p in parts):
        return None
    nums = [int(p) for p in parts] + [0] * (3 - len(parts))
    tzinfo = None
    if tz is not None:
        if tz in ("Z", "z"):
            tzinfo = timezone.utc
        else:
            sign = -1 if tz[0] == "-" else 1
            t = _parse_time(tz[1:])
            if t is None or t[4] is not None:
                return None
            off = timedelta(hours=t[0], minutes=t[1], seconds=t[2], microseconds=t[3]) * sign
            tzinfo = timezone.utc if not off else timezone(off)
    return nums[0], nums[1], nums[2], us, tzinfo

class date:
    def __init__(self, year, month=None, day=None):
        _check_date(year, month, day)
        self._y, self._m, self._d = year, month, day
    @property
    def year(self):
        return self._y
    @property
    def month(self):
        return self._m
    @property
    def day(self):
        return self._d
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _from_ord(int(t // 86400) + _ord(1970, 1, 1))
        return cls(y, m, d)
    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= 3652059:
            raise ValueError("ordinal must be >= 1")
        return cls(*_from_ord(n))
    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        r = _parse_date(s)
        if r is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        return cls(*r)
    @classmethod
    def fromisocalendar(cls, year, week, day):
        jan4 = _ord(year, 1, 4)
        monday = jan4 - (jan4 + 6) % 7
        return cls(*_from_ord(monday + (week - 1) * 7 + day - 1))
    def toordinal(self):
        return _ord(self._y, self._m, self._d)
    def weekday(self):
        return (self.toordinal() + 6) % 7
    def isoweekday(self):
        return self.weekday() + 1
    def isocalendar(self):
        return IsoCalendarDate(*_iso_calendar(self._y, self._m, self._d))
    def isoformat(self):
        return "%04d-%02d-%02d" % (self._y, self._m, self._d)
    def __str__(self):
        return self.isoformat()
    def ctime(self):
        return self.strftime("%c")
    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._y, self._m, self._d, 0, 0, 0, 0, None, None)
    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)
    def timetuple(self):
        return _time.struct_time((self._y, self._m, self._d, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ord(self._y, 1, 1) + 1, -1))
    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day)
    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._y, self._m, self._d)
    def _key(self):
        return (self._y, self._m, self._d)
    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime)
    def __eq__(self, other):
        if isinstance(other, date) and isinstance(self, datetime) == isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented
    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented
    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented
    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented
    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented
    def __hash__(self):
        return hash(self._key())
    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if not 1 <= o <= 3652059:
                raise OverflowError("date value out of range")
            return type(self)(*_from_ord(o))
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)

class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")
    def dst(self, dt):
        return None
    def tzname(self, dt):
        return None

class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %r." % (offset,))
        self._offset = offset
        self._name = name
    def utcoffset(self, dt):
        return self._offset
    def dst(self, dt):
        return None
    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _fmt_offset(self._offset)
    def __str__(self):
        return self.tzname(None)
    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)
    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset
    def __hash__(self):
        return hash(self._offset)

timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc

class time(_Ordered):
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond)
        self._h, self._mi, self._s, self._us = hour, minute, second, microsecond
        self._tz = tzinfo
    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)
    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        t = _parse_time(s[1:] if s[:1] == "T" else s)
        if t is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        return cls(*t)
    def isoformat(self, timespec="auto"):
        s = _fmt_hms(self._h, self._mi, self._s, self._us, timespec)
        if self._tz is not None:
            s += _fmt_offset(self._tz.utcoffset(None))
        return s
    def __str__(self):
        return self.isoformat()
    def strftime(self, fmt):
        off = None if self._tz is None else self._tz.utcoffset(None)
        name = None if self._tz is None else self._tz.tzname(None)
        return _wrap_strftime(fmt, 1900, 1, 1, self._h, self._mi, self._s, self._us, off, name)
    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)
    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._h if hour is None else hour, self._mi if minute is None else minute,
                    self._s if second is None else second, self._us if microsecond is None else microsecond,
                    self._tz if tzinfo is True else tzinfo)
    def _key(self):
        return (self._h, self._mi, self._s, self._us)
    def __bool__(self):
        return True
    def __repr__(self):
        parts = [self._h, self._mi]
        if self._s or self._us:
            parts.append(self._s)
        if self._us:
            parts.append(self._us)
        s = ", ".join(str(p) for p in parts)
        if self._tz is not None:
            s += ", tzinfo=%r" % (self._tz,)
        return "datetime.time(%s)" % s

time.min = time(0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)

def _fmt_hms(h, mi, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, mi)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, mi, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, mi, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, mi, s, us)
    raise ValueError("Unknown timespec value")

time._kin = time


class datetime(date):
    def __init__(self, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        self._y, self._m, self._d = year, month, day
        self._h, self._mi, self._s, self._us = hour, minute, second, microsecond
        self._tz = tzinfo
    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)
    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = round(t * 1000000)
        days, rem = divmod(us, 86400000000)
        secs, micro = divmod(rem, 1000000)
        y, m, d = _from_ord(days + _ord(1970, 1, 1))
        hh, rest = divmod(secs, 3600)
        mi, ss = divmod(rest, 60)
        dt = cls(y, m, d, hh, mi, ss, micro)
        if tz is not None:
            dt = (dt + tz.utcoffset(None)).replace(tzinfo=tz)
        return dt
    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)
    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def combine(cls, date, time, tzinfo=True):
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, time.tzinfo if tzinfo is True else tzinfo)
    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        d = _parse_date(s[:10])
        if d is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        if len(s) == 10:
            return cls(*d)
        if s[10] not in "T ":
            raise ValueError("Invalid isoformat string: %r" % (s,))
        t = _parse_time(s[11:])
        if t is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        return cls(d[0], d[1], d[2], *t)
    @classmethod
    def strptime(cls, s, fmt):
        vals = {"Y": 1900, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
        pm = None
        i = j = 0
        def num(maxlen):
            nonlocal j
            k = j
            while k < len(s) and k - j < maxlen and s[k].isdigit():
                k += 1
            if k == j:
                raise ValueError("time data %r does not match format %r" % (s, fmt))
            v = int(s[j:k])
            j = k
            return v
        while i < len(fmt):
            c = fmt[i]
            if c == "%" and i + 1 < len(fmt):
                k = fmt[i + 1]
                i += 2
                if k in "mdHMSIj":
                    vals[k] = num(3 if k == "j" else 2)
                elif k == "Y":
                    vals["Y"] = num(4)
                elif k == "y":
                    v = num(2)
                    vals["Y"] = 2000 + v if v < 69 else 1900 + v
                elif k == "f":
                    start = j
                    num(6)
                    vals["f"] = int(s[start:j].ljust(6, "0"))
                elif k in "bBaA":
                    names = _MONTHS if k in "bB" else _DAYS
                    for idx, name in enumerate(names):
                        for cand in (name, name[:3]):
                            if s[j:j + len(cand)].lower() == cand.lower():
                                if k in "bB":
                                    vals["m"] = idx + 1
                                j += len(cand)
                                break
                        else:
                            continue
                        break
                    else:
                        raise ValueError("time data %r does not match format %r" % (s, fmt))
                elif k == "p":
                    ap = s[j:j + 2].upper()
                    if ap not in ("AM", "PM"):
                        raise ValueError("time data %r does not match format %r" % (s, fmt))
                    pm = ap == "PM"
                    j += 2
                elif k == "%":
                    if s[j:j + 1] != "%":
                        raise ValueError("time data %r does not match format %r" % (s, fmt))
                    j += 1
                else:
                    raise ValueError("'%s' is a bad directive in format '%s'" % (k, fmt))
            else:
                if j >= len(s) or s[j] != c:
                    raise ValueError("time data %r does not match format %r" % (s, fmt))
                i += 1
                j += 1
        if j != len(s):
            raise ValueError("unconverted data remains: %s" % s[j:])
        h = vals["H"]
        if "I" in vals:
            h = vals["I"] % 12 + (12 if pm else 0)
        if "j" in vals:
            y, m, d = _from_ord(_ord(vals["Y"], 1, 1) + vals["j"] - 1)
            return cls(y, m, d, h, vals["M"], vals["S"], vals["f"])
        return cls(vals["Y"], vals["m"], vals["d"], h, vals["M"], vals["S"], vals["f"])
    def date(self):
        return date(self._y, self._m, self._d)
    def time(self):
        return time(self._h, self._mi, self._s, self._us)
    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz)
    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(self)
    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)
    def _utc_us(self):
        us = self._local_us()
        off = self.utcoffset()
        return us if off is None else us - off._us()
    def _local_us(self):
        return ((_ord(self._y, self._m, self._d) * 86400 + self._h * 3600 + self._mi * 60 + self._s)
                * 1000000 + self._us)
    def timestamp(self):
        return (self._utc_us() - _ord(1970, 1, 1) * 86400000000) / 1000000
    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        utc = self._utc_us()
        return datetime._from_us(utc + tz.utcoffset(None)._us(), tz)
    @staticmethod
    def _from_us(us, tz=None):
        days, rem = divmod(us, 86400000000)
        if not 1 <= days <= 3652059:
            raise OverflowError("date value out of range")
        secs, micro = divmod(rem, 1000000)
        y, m, d = _from_ord(days)
        hh, rest = divmod(secs, 3600)
        mi, ss = divmod(rest, 60)
        return datetime(y, m, d, hh, mi, ss, micro, tz)
    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s%s" % (self._y, self._m, self._d, sep,
                                    _fmt_hms(self._h, self._mi, self._s, self._us, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s
    def __str__(self):
        return self.isoformat(" ")
    def ctime(self):
        return self.strftime("%c")
    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._y, self._m, self._d, self._h, self._mi, self._s, self._us,
                              self.utcoffset(), self.tzname())
    def timetuple(self):
        return _time.struct_time((self._y, self._m, self._d, self._h, self._mi, self._s, self.weekday(),
                                  self.toordinal() - _ord(self._y, 1, 1) + 1, -1))
    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True):
        return datetime(self._y if year is None else year, self._m if month is None else month,
                        self._d if day is None else day, self._h if hour is None else hour,
                        self._mi if minute is None else minute, self._s if second is None else second,
                        self._us if microsecond is None else microsecond,
                        self._tz if tzinfo is True else tzinfo)
    def __repr__(self):
        parts = [self._y, self._m, self._d, self._h, self._mi]
        if self._s or self._us:
            parts.append(self._s)
        if self._us:
            parts.append(self._us)
        s = ", ".join(str(p) for p in parts)
        if self._tz is not None:
            s += ", tzinfo=%r" % (self._tz,)
        return "datetime.datetime(%s)" % s
    def _check_cmp(self, other, op):
        if not isinstance(other, datetime):
            if op == "==":
                return False
            raise _cmp_error(op, self, other)
        if (self._tz is None) != (other._tz is None):
            if op == "==":
                return False
            raise TypeError("cannot compare naive and aware datetimes")
        return True
    def __eq__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented
        if (self._tz is None) != (other._tz is None):
            return False
        return self._utc_us() == other._utc_us()
    def __lt__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented
        self._check_cmp(other, "<")
        return self._utc_us() < other._utc_us()
    def __le__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented
        self._check_cmp(other, "<=")
        return self._utc_us() <= other._utc_us()
    def __gt__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented
        self._check_cmp(other, ">")
        return self._utc_us() > other._utc_us()
    def __ge__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented
        self._check_cmp(other, ">=")
        return self._utc_us() >= other._utc_us()
    def __hash__(self):
        return hash(self._utc_us())
    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._local_us() + other._us(), self._tz)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._utc_us() - other._utc_us())
        if isinstance(other, timedelta):
            return datetime._from_us(self._local_us() - other._us(), self._tz)
        return NotImplemented

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
