# A compiled Pattern: its attributes, repr and methods with pos/endpos.
import re
p = re.compile(r"\d+")
print(p, p.pattern, p.flags, p.groups)
print(p.search("ab12cd34", 4), p.match("ab12", 2), p.findall("1 2 3", 1))
print(p.search("12345", 1, 3))
print(re.compile("a", re.I), re.compile("a", re.I | re.M).flags)
print(re.compile(r"\d+") == p, re.compile(p) is p)
