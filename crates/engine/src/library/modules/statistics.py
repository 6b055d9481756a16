"""statistics: averages and spread of numeric data. Int data is handled
exactly (as CPython's exact fractions do); float data through math.fsum,
which may differ from CPython in the last digit for rare inputs."""

from math import fsum as _fsum, sqrt as _sqrt, gcd as _gcd, isqrt as _isqrt
from math import log as _log, exp as _exp

__all__ = ["NormalDist", "StatisticsError", "correlation", "covariance", "fmean",
           "geometric_mean", "harmonic_mean", "linear_regression", "mean", "median",
           "median_grouped", "median_high", "median_low", "mode", "multimode",
           "pstdev", "pvariance", "quantiles", "stdev", "variance"]


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


def _frac(num, den):
    # num/den as an int when exact, else the correctly rounded float.
    g = _gcd(num, den)
    num //= g
    den //= g
    if den == 1:
        return num
    return num / den


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    _check_numbers(data)
    if _all_ints(data):
        return _frac(sum(data), n)
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
    if _all_ints(data):
        # n / sum(1/x) exactly, as a fraction num/den.
        num, den = 0, 1
        for x in data:
            num, den = num * x + den, den * x
            g = _gcd(num, den)
            num, den = num // g, den // g
        return _frac(n * den, num)
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
    c = _fsum(data) / n if xbar is None else xbar
    total = _fsum((x - c) ** 2 for x in data)
    if xbar is None:
        total -= _fsum(x - c for x in data) ** 2 / n
    return total, None


def _var(data, ddof, name, xbar):
    data = list(data)
    n = len(data)
    if n < 1 + ddof:
        need = "two data points" if ddof else "one data point"
        raise StatisticsError(f"{name} requires at least {need}")
    ss, den = _ss(data, xbar)
    if den is None:
        return ss / (n - ddof), None
    return ss, den * (n - ddof)


def variance(data, xbar=None):
    num, den = _var(data, 1, "variance", xbar)
    return num if den is None else _frac(num, den)


def pvariance(data, mu=None):
    num, den = _var(data, 0, "pvariance", mu)
    return num if den is None else _frac(num, den)


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
    num, den = _var(data, 1, "stdev", xbar)
    return _sqrt_frac(num, den)


def pstdev(data, mu=None):
    num, den = _var(data, 0, "pstdev", mu)
    return _sqrt_frac(num, den)
