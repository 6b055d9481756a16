# Matching a non-string raises TypeError.
import re
try:
    re.search(r"\d", 123)
except TypeError as e:
    print(e)
try:
    re.compile(5)
except TypeError as e:
    print(e)
