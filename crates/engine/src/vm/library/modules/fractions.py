# fractions.Fraction, written from the documented behaviour: exact
# rational arithmetic, conversions from int, float, str and Fraction,
# limit_denominator, CPython's repr/str and hash (equal to the hash of an
# equal int or float). Looplab ints are 64-bit, so very large numerators
# raise OverflowError.

_HASH_MOD = 2305843009213693951  # 2**61 - 1, CPython's numeric hash modulus

def _gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a

def _mulmod(a, b, m):
    r = 0
    a %= m
    while b:
        if b & 1:
            r = (r + a) % m
        a = (a + a) % m
        b >>= 1
    return r

def _powmod(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = _mulmod(r, b, m)
        b = _mulmod(b, b, m)
        e >>= 1
    return r

def _parse(s):
    t = s.strip().replace("_", "")
    if not t:
        return None
    sign = 1
    if t[0] in "+-":
        if t[0] == "-":
            sign = -1
        t = t[1:]
    if "/" in t:
        n, _, d = t.partition("/")
        if not (n.isdigit() and d.isdigit()):
            return None
        return sign * int(n), int(d)
    mant, e = t, 0
    for ch in "eE":
        if ch in t:
            mant, _, ex = t.partition(ch)
            if ex[:1] in "+-" and ex[1:].isdigit() or ex.isdigit():
                e = int(ex)
            else:
                return None
    ip, _, fp = mant.partition(".")
    if not (ip or fp) or (ip and not ip.isdigit()) or (fp and not fp.isdigit()):
        return None
    n = int((ip or "0") + fp)
    d = 10 ** len(fp)
    if e >= 0:
        n *= 10 ** e
    else:
        d *= 10 ** -e
    return sign * n, d

def _float_ratio(x):
    # Exact: doubling a float is exact, so scale until it is an integer.
    d = 1
    while x != int(x):
        x *= 2.0
        d *= 2
    return int(x), d

class Fraction:
    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if isinstance(numerator, Fraction):
                n, d = numerator._n, numerator._d
            elif isinstance(numerator, bool) or isinstance(numerator, int):
                n, d = int(numerator), 1
            elif isinstance(numerator, float):
                if numerator != numerator:
                    raise ValueError("cannot convert NaN to integer ratio")
                if numerator in (float("inf"), -float("inf")):
                    raise OverflowError("cannot convert Infinity to integer ratio")
                n, d = _float_ratio(numerator)
            elif isinstance(numerator, str):
                r = _parse(numerator)
                if r is None:
                    raise ValueError("Invalid literal for Fraction: %r" % (numerator,))
                n, d = r
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            ok = lambda v: isinstance(v, (int, Fraction))
            if not (ok(numerator) and ok(denominator)):
                raise TypeError("both arguments should be Rational instances")
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a, b = Fraction(numerator), Fraction(denominator)
                n, d = a._n * b._d, a._d * b._n
            else:
                n, d = int(numerator), int(denominator)
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        if _normalize:
            g = _gcd(n, d)
            if d < 0:
                g = -g
            n //= g
            d //= g
        self._n = n
        self._d = d

    @property
    def numerator(self):
        return self._n

    @property
    def denominator(self):
        return self._d

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(f)

    def as_integer_ratio(self):
        return (self._n, self._d)

    def is_integer(self):
        return self._d == 1

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._d <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._n, self._d
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        b1 = Fraction(p0 + k * p1, q0 + k * q1)
        b2 = Fraction(p1, q1)
        if abs(b2 - self) <= abs(b1 - self):
            return b2
        return b1

    def __repr__(self):
        return "Fraction(%d, %d)" % (self._n, self._d)

    def __str__(self):
        if self._d == 1:
            return str(self._n)
        return "%d/%d" % (self._n, self._d)

    def __format__(self, spec):
        if not spec:
            return str(self)
        raise TypeError("unsupported format string passed to Fraction.__format__")

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def _op(self, other, f, fl, reflected=False):
        o = Fraction._coerce(other)
        if o is not None:
            return f(o, self) if reflected else f(self, o)
        if isinstance(other, float):
            return fl(other, float(self)) if reflected else fl(float(self), other)
        return NotImplemented

    def __add__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._d + b._n * a._d, a._d * b._d), lambda a, b: a + b)
    def __radd__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._d + b._n * a._d, a._d * b._d), lambda a, b: a + b, True)
    def __sub__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._d - b._n * a._d, a._d * b._d), lambda a, b: a - b)
    def __rsub__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._d - b._n * a._d, a._d * b._d), lambda a, b: a - b, True)
    def __mul__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._n, a._d * b._d), lambda a, b: a * b)
    def __rmul__(self, other):
        return self._op(other, lambda a, b: Fraction(a._n * b._n, a._d * b._d), lambda a, b: a * b, True)
    def __truediv__(self, other):
        return self._op(other, Fraction._div, lambda a, b: a / b)
    def __rtruediv__(self, other):
        return self._op(other, Fraction._div, lambda a, b: a / b, True)
    def __floordiv__(self, other):
        return self._op(other, lambda a, b: (a._n * b._d) // (a._d * b._n), lambda a, b: a // b)
    def __rfloordiv__(self, other):
        return self._op(other, lambda a, b: (a._n * b._d) // (a._d * b._n), lambda a, b: a // b, True)
    def __mod__(self, other):
        return self._op(other, Fraction._mod, lambda a, b: a % b)
    def __rmod__(self, other):
        return self._op(other, Fraction._mod, lambda a, b: a % b, True)
    def __divmod__(self, other):
        return (self // other, self % other)

    @staticmethod
    def _div(a, b):
        if b._n == 0:
            raise ZeroDivisionError("Fraction(%d, 0)" % (a._n * b._d))
        return Fraction(a._n * b._d, a._d * b._n)

    @staticmethod
    def _mod(a, b):
        if b._n == 0:
            raise ZeroDivisionError("Fraction(%d, 0)" % (a._n * b._d))
        d = a._d * b._d
        return Fraction((a._n * b._d) % (b._n * a._d), d)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._d == 1):
            e = int(other) if isinstance(other, int) else other._n
            if e >= 0:
                return Fraction(self._n ** e, self._d ** e, _normalize=False)
            if self._n == 0:
                raise ZeroDivisionError("Fraction(%d, 0)" % (self._d ** -e))
            if self._n > 0:
                return Fraction(self._d ** -e, self._n ** -e, _normalize=False)
            return Fraction((-self._d) ** -e, (-self._n) ** -e, _normalize=False)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._d == 1 and self._n >= 0 and isinstance(other, int):
            return Fraction(other ** self._n)
        if isinstance(other, (int, float)):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._n, self._d, _normalize=False)
    def __neg__(self):
        return Fraction(-self._n, self._d, _normalize=False)
    def __abs__(self):
        return Fraction(abs(self._n), self._d, _normalize=False)
    def __int__(self):
        if self._n < 0:
            return -(-self._n // self._d)
        return self._n // self._d
    __trunc__ = __int__
    def __floor__(self):
        return self._n // self._d
    def __ceil__(self):
        return -(-self._n // self._d)
    def __float__(self):
        return self._n / self._d
    def __bool__(self):
        return self._n != 0

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self._n, self._d)
            if r * 2 < self._d:
                return q
            if r * 2 > self._d:
                return q + 1
            return q if q % 2 == 0 else q + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        inv = _powmod(self._d, _HASH_MOD - 2, _HASH_MOD)
        if not inv:
            h = 314159
        else:
            h = _mulmod(abs(self._n) % _HASH_MOD, inv, _HASH_MOD)
        h = h if self._n >= 0 else -h
        return -2 if h == -1 else h

    def _cmp(self, other, op):
        if isinstance(other, float):
            if other != other or other in (float("inf"), -float("inf")):
                return op(0.0, other)
            other = Fraction(other)
        o = Fraction._coerce(other)
        if o is None:
            return NotImplemented
        try:
            return op(self._n * o._d, o._n * self._d)
        except OverflowError:
            # Until Looplab has big integers: compare the nearest floats.
            return op(self._n / self._d, o._n / o._d)

    def __eq__(self, other):
        if isinstance(other, float) and (other != other or other in (float("inf"), -float("inf"))):
            return False
        return self._cmp(other, lambda a, b: a == b)
    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)
    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)
    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)
    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)
