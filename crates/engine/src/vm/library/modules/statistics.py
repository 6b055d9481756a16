"""statistics: averages and spread of numeric data. Results are computed
exactly (as CPython's exact fractions) whenever the data, scaled to ints
over one power of two, fit in 64-bit ints; otherwise through math.fsum,
which may differ from CPython in the last digit. Square roots are taken of
the correctly rounded variance."""

from math import fsum as _fsum, sqrt as _sqrt, gcd as _gcd, isqrt as _isqrt
from math import log as _log, exp as _exp

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean",
           "median", "median_high", "median_low", "mode", "multimode", "pstdev",
           "pvariance", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


def _all_ints(data):
    for x in data:
        if type(x) is not int and type(x) is not bool:
            return False
    return True


def _check_numbers(data):
    for x in data:
        if not isinstance(x, (int, float)):
            raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


_LIMIT = 2 ** 62


def _div(p, q):
    """p / q correctly rounded (ints below 2**62, q > 0), by long division."""
    if p < 0:
        return -_div(-p, q)
    if p < 2 ** 53 and q < 2 ** 53:
        return p / q
    m, r = divmod(p, q)
    e = 0
    while m < 2 ** 55:
        r *= 2
        bit = 1 if r >= q else 0
        if bit:
            r -= q
        m = m * 2 + bit
        e -= 1
    sticky = r != 0
    while m >= 2 ** 54:
        sticky = sticky or (m & 1) == 1
        m >>= 1
        e += 1
    guard = m & 1
    m >>= 1
    e += 1
    if guard and (sticky or m & 1):
        m += 1
    return m * 2.0 ** e


def _ratio(x):
    """A float as (numerator, power of two), exactly; None if too wide."""
    k = 0
    while x != int(x):
        x *= 2
        k += 1
        if k > 1074:
            return None
    return int(x), k


def _scaled(data):
    """The data as ints over one power of two: (ints, k), or None when some
    value is not finite or the ints would be too wide to square and sum."""
    parts = []
    for x in data:
        if type(x) is float:
            if x != x or x in (float("inf"), float("-inf")):
                return None
            r = _ratio(x)
            if r is None:
                return None
            parts.append(r)
        else:
            parts.append((int(x), 0))
    k = max((p[1] for p in parts), default=0)
    ints = []
    bound = 2 ** 62 // max(len(parts), 1)
    for a, j in parts:
        if k - j >= 31 or abs(a) >= 2 ** (31 - (k - j)):
            return None
        v = a * 2 ** (k - j)
        if v * v > bound:
            return None
        ints.append(v)
    return ints, k


def _frac(num, den):
    # num/den as an int when exact, else the correctly rounded float.
    g = _gcd(num, den)
    num //= g
    den //= g
    if den == 1:
        return num
    return _div(num, den)


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    _check_numbers(data)
    if _all_ints(data):
        return _frac(sum(data), n)
    sc = _scaled(data)
    if sc is not None:
        ints, k = sc
        total = sum(ints)
        if abs(total) < 2 ** 62 // n and n * 2 ** k < 2 ** 62:
            return float(_frac(total, n * 2 ** k))
    return _fsum(data) / n


def fmean(data, weights=None):
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        return _fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    num = _fsum(x * w for x, w in zip(data, weights))
    den = _fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    try:
        return _exp(fmean([_log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and isinstance(data[0], (int, float)):
        return data[0]
    for x in data:
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
    if 0 in data:
        return 0
    # n / sum(1/x) with the sum exact: the floats 1/x as ints over 2**k.
    parts = [_ratio(1 / x) for x in data]
    if None not in parts:
        k = max(p[1] for p in parts)
        if k < 62 and n < 2 ** (62 - k):
            total = 0
            for a, j in parts:
                if a >= 2 ** (62 - (k - j)) // n:
                    total = None
                    break
                total += a * 2 ** (k - j)
            if total:
                return float(_frac(n * 2 ** k, total))
    return n / _fsum(1 / x for x in data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    for x, c in counts.items():
        if best is None or c > counts[best]:
            best = x
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [x for x, c in counts.items() if c == top]


def _ss(data, xbar=None):
    # Sum of squared deviations: (num, den) exactly for ints, else a float.
    n = len(data)
    _check_numbers(data)
    if _all_ints(data) and (xbar is None or type(xbar) is int):
        s1 = sum(data)
        s2 = sum(x * x for x in data)
        if xbar is None:
            return n * s2 - s1 * s1, n
        return s2 - 2 * xbar * s1 + n * xbar * xbar, 1
    if xbar is None:
        sc = _scaled(data)
        if sc is not None:
            ints, k = sc
            s1 = sum(ints)
            s2 = sum(v * v for v in ints)
            if abs(s2) < 2 ** 62 // n and s1 * s1 < 2 ** 62 and n * 4 ** k < 2 ** 62:
                return n * s2 - s1 * s1, n * 4 ** k
    c = _fsum(data) / n if xbar is None else xbar
    total = _fsum((x - c) ** 2 for x in data)
    if xbar is None:
        total -= _fsum(x - c for x in data) ** 2 / n
    return total, None


def _var(data, ddof, name, xbar):
    # (numerator, denominator or None for a float numerator, all ints?)
    data = list(data)
    n = len(data)
    if n < 1 + ddof:
        need = "two data points" if ddof else "one data point"
        raise StatisticsError(f"{name} requires at least {need}")
    ss, den = _ss(data, xbar)
    if den is None:
        return ss / (n - ddof), None, False
    den *= n - ddof
    g = _gcd(ss, den)
    ss //= g
    den //= g
    if abs(ss) >= 2 ** 62 or den >= 2 ** 62:
        return ss / den, None, False
    return ss, den, _all_ints(data)


def variance(data, xbar=None):
    num, den, ints = _var(data, 1, "variance", xbar)
    if den is None:
        return num
    r = _frac(num, den)
    return r if ints else float(r)


def pvariance(data, mu=None):
    num, den, ints = _var(data, 0, "pvariance", mu)
    if den is None:
        return num
    r = _frac(num, den)
    return r if ints else float(r)


def _sqrt_frac(num, den):
    if den is None:
        return _sqrt(num)
    g = _gcd(num, den)
    num //= g
    den //= g
    if den == 1:
        r = _isqrt(num)
        if r * r == num:
            return float(r)
        return _sqrt(num)
    return _sqrt(num / den)


def stdev(data, xbar=None):
    num, den, _ = _var(data, 1, "stdev", xbar)
    return _sqrt_frac(num, den)


def pstdev(data, mu=None):
    num, den, _ = _var(data, 0, "pstdev", mu)
    return _sqrt_frac(num, den)
