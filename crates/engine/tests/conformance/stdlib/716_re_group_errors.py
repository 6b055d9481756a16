# Asking a Match for a group that does not exist raises IndexError: no such group.
import re
m = re.match(r"(a)(?P<n>b)", "ab")
for g in (3, "missing", -1):
    try:
        m.group(g)
    except IndexError as e:
        print(type(e).__name__, e)
try:
    m.span(5)
except IndexError as e:
    print(type(e).__name__, e)
