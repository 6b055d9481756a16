# Match.group/groups/span/start/end with numbered groups.
import re
m = re.search(r"(\w+)@(\w+)\.com", "mail: joe@example.com!")
print(m.group(), m.group(0), m.group(1), m.group(2))
print(m.group(1, 2), m.groups())
print(m.span(), m.span(1), m.start(2), m.end(2))
print(m[0], m[1], m.string, m.pos, m.endpos)
