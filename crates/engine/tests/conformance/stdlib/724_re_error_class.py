# re.error is an Exception carrying msg and pattern.
import re
try:
    re.compile("a(b")
except re.error as e:
    print(isinstance(e, Exception), e.pattern)
