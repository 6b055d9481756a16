# A group that did not take part is None, or the default given to groups()/groupdict().
import re
m = re.match(r"(a)(b)?(?P<c>c)?", "a")
print(m.groups(), m.groups(""), m.groupdict(), m.groupdict("-"))
print(m.span(2), m.start(3), m.group(2))
