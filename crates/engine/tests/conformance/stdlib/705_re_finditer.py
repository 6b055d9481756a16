# finditer yields Match objects in order, including empty matches.
import re
for m in re.finditer(r"\b(\w)(\w*)", "hello big world"):
    print(m.span(), m.group(1).upper() + m.group(2))
print([m.span() for m in re.finditer(r"x*", "axxb")])
