# timedelta arithmetic: +, -, *, /, //, %, abs, comparisons, total_seconds.
from datetime import timedelta
a = timedelta(hours=1, minutes=30)
b = timedelta(minutes=45)
print(a + b, a - b, b - a, a * 2, a / 2, a / b, a // b, a % b, abs(b - a), -a)
print(a > b, a == timedelta(seconds=5400), a.total_seconds(), b * 1.5, divmod(a, b))
print(a.days, a.seconds, a.microseconds, bool(timedelta()), sum([a, b], timedelta()))
