
import time as _time

def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

_DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

def _dim(y, m):
    return 29 if m == 2 and _is_leap(y) else _DIM[m]

def _ord(y, m, d):
    n = _days_before_year(y)
    for k in range(1, m):
        n += _dim(y, k)
    return n + d

def _from_ord(n):
    y = 1
    while True:
        ylen = 366 if _is_leap(y) else 365
        if y % 400 == 1 and n > 146097:
            n -= 146097
            y += 400
            continue
        if n > ylen:
            n -= ylen
            y += 1
        else:
            break
    m = 1
    while n > _dim(y, m):
        n -= _dim(y, m)
        m += 1
    return y, m, n

class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 3600 + minutes * 60 + seconds) * 1000000 + milliseconds * 1000 + microseconds
        total = round(total)
        self.days, rem = divmod(total, 86400 * 1000000)
        self.seconds, self.microseconds = divmod(rem, 1000000)
    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds
    def total_seconds(self):
        return self._us() / 10**6
    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented
    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented
    def __neg__(self):
        return timedelta(microseconds=-self._us())
    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()
    def __lt__(self, other):
        return self._us() < other._us()
    def __le__(self, other):
        return self._us() <= other._us()
    def __gt__(self, other):
        return self._us() > other._us()
    def __ge__(self, other):
        return self._us() >= other._us()
    def __hash__(self):
        return hash(self._us())
    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self.days:
            s = "%d day%s, " % (self.days, "s" if abs(self.days) != 1 else "") + s
        if self.microseconds:
            s = s + ".%06d" % self.microseconds
        return s
    def __repr__(self):
        args = []
        if self.days:
            args.append("days=%d" % self.days)
        if self.seconds:
            args.append("seconds=%d" % self.seconds)
        if self.microseconds:
            args.append("microseconds=%d" % self.microseconds)
        return "datetime.timedelta(%s)" % ", ".join(args)

class date:
    def __init__(self, year, month, day):
        self.year = year
        self.month = month
        self.day = day
    @classmethod
    def today(cls):
        d = datetime.now()
        return date(d.year, d.month, d.day)
    def isoformat(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)
    __str__ = isoformat
    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self.year, self.month, self.day)
    def __eq__(self, other):
        return isinstance(other, date) and (self.year, self.month, self.day) == (other.year, other.month, other.day)
    def __hash__(self):
        return hash((self.year, self.month, self.day))
    def weekday(self):
        return (_ord(self.year, self.month, self.day) + 6) % 7
    def strftime(self, fmt):
        return datetime(self.year, self.month, self.day).strftime(fmt)

class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    @classmethod
    def fromtimestamp(cls, t):
        us = round(t * 1000000)
        days, rem = divmod(us, 86400 * 1000000)
        secs, micro = divmod(rem, 1000000)
        y, m, d = _from_ord(days + _ord(1970, 1, 1))
        hh, rest = divmod(secs, 3600)
        mi, ss = divmod(rest, 60)
        return cls(y, m, d, hh, mi, ss, micro)
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())
    def date(self):
        return date(self.year, self.month, self.day)
    def timestamp(self):
        return ((_ord(self.year, self.month, self.day) - _ord(1970, 1, 1)) * 86400 + self.hour * 3600 + self.minute * 60 + self.second) + self.microsecond / 1000000
    def _us(self):
        return ((_ord(self.year, self.month, self.day) * 86400 + self.hour * 3600 + self.minute * 60 + self.second) * 1000000 + self.microsecond)
    def isoformat(self, sep="T"):
        s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self.year, self.month, self.day, sep, self.hour, self.minute, self.second)
        if self.microsecond:
            s += ".%06d" % self.microsecond
        return s
    def __str__(self):
        return self.isoformat(" ")
    def __repr__(self):
        parts = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            parts.append(self.second)
        if self.microsecond:
            parts.append(self.microsecond)
        return "datetime.datetime(%s)" % ", ".join(str(p) for p in parts)
    def __sub__(self, other):
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        if isinstance(other, timedelta):
            return self + (-other)
        return NotImplemented
    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._us() + other._us()
            days, rem = divmod(us, 86400 * 1000000)
            secs, micro = divmod(rem, 1000000)
            y, m, d = _from_ord(days)
            hh, rest = divmod(secs, 3600)
            mi, ss = divmod(rest, 60)
            return datetime(y, m, d, hh, mi, ss, micro)
        return NotImplemented
    def __eq__(self, other):
        return isinstance(other, datetime) and self._us() == other._us()
    def __lt__(self, other):
        return self._us() < other._us()
    def __le__(self, other):
        return self._us() <= other._us()
    def __gt__(self, other):
        return self._us() > other._us()
    def __ge__(self, other):
        return self._us() >= other._us()
    def __hash__(self):
        return hash(self._us())
    def strftime(self, fmt):
        names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        out = ""
        i = 0
        while i < len(fmt):
            c = fmt[i]
            if c == "%" and i + 1 < len(fmt):
                k = fmt[i + 1]
                i += 2
                if k == "Y": out += "%04d" % self.year
                elif k == "m": out += "%02d" % self.month
                elif k == "d": out += "%02d" % self.day
                elif k == "H": out += "%02d" % self.hour
                elif k == "M": out += "%02d" % self.minute
                elif k == "S": out += "%02d" % self.second
                elif k == "f": out += "%06d" % self.microsecond
                elif k == "A": out += names[self.weekday()]
                elif k == "a": out += names[self.weekday()][:3]
                elif k == "B": out += months[self.month - 1]
                elif k == "b": out += months[self.month - 1][:3]
                elif k == "y": out += "%02d" % (self.year % 100)
                elif k == "%": out += "%"
                else: out += "%" + k
            else:
                out += c
                i += 1
        return out

MINYEAR = 1
MAXYEAR = 9999
