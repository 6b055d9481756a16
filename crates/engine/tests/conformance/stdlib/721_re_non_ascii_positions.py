# Positions are in characters, also with non-ASCII text.
import re
m = re.search(r"c.f", "un café noir")
print(m.span(), m.group())
print(re.sub(r"é", "e", "été"), [m.start() for m in re.finditer("ö", "höföö")])
