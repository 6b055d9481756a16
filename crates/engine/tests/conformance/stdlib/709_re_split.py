# split on a pattern, with maxsplit, with capturing groups kept, with empty matches.
import re
print(re.split(r"[,;]\s*", "a, b;c,  d"))
print(re.split(r"[,;]\s*", "a, b;c,  d", maxsplit=2))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"x*", "axbc"))
print(re.split(r"\d", "no digits"))
print(re.split(r"(a)|(b)", "1a2b3"))
