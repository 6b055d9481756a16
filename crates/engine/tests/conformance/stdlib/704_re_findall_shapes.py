# findall returns strings, the single group, or tuples of groups; missing groups are ''.
import re
print(re.findall(r"\d+", "a1 b22 c333"))
print(re.findall(r"(\w)=(\d)", "a=1, b=2, c=x"))
print(re.findall(r"x(y)?", "xyx"))
print(re.findall(r"(\w+)@", "a@ b@ c"))
print(re.findall(r"\d*", "a12b"))
