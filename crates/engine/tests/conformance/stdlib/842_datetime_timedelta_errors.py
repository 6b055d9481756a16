# Mixing timedelta with numbers and overflowing raise CPython's errors.
from datetime import timedelta
try:
    timedelta(1) + 1
except TypeError as e:
    print(e)
try:
    timedelta(1) < 5
except TypeError as e:
    print(e)
try:
    timedelta(days=1000000000)
except OverflowError as e:
    print(e)
