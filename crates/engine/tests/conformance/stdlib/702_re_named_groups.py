# Named groups (?P<name>...): group by name, groupdict, groupindex, lastgroup.
import re
m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", "2024-03-15T10:00")
print(m.group("year"), m["month"], m.groupdict())
print(m.span("day"), m.lastgroup, m.lastindex)
p = re.compile(r"(?P<k>\w+)=(?P<v>\w*)")
print(p.groupindex, p.groups)
